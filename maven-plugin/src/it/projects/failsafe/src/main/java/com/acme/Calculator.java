package com.acme;

public final class Calculator {
    private Calculator() {}

    public static int add(int a, int b) {
        return a + b;
    }
}
