package com.acme;

class EchoTest extends StartsInOrder {}
