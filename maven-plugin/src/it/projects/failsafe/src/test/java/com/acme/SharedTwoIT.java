package com.acme;

/** An integration test in the shared JVM. */
class SharedTwoIT extends Adds {}
