package com.acme;

/** A JUnit 4 category. */
public interface FastTests {}
