package com.acme;

/** Failsafe's *ITCase include. */
class PaymentITCase extends Adds {}
