package com.acme;

/** An integration test in the shared JVM. */
class SharedOneIT extends Adds {}
