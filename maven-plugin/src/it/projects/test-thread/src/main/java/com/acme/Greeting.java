package com.acme;

/** Something for target/classes to hold. */
public final class Greeting {
    private Greeting() {}

    public static String hello() {
        return "hello";
    }
}
