package com.acme;

/** Failsafe's IT* include. */
class ITCheckout extends Adds {}
