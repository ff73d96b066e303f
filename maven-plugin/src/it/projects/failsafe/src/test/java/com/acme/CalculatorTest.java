package com.acme;

/** A unit test: the test goal runs it, never the integration-test goal. */
class CalculatorTest extends Adds {}
