package com.acme.greeter;

public final class Greeter {
    /** Static state, which the shared worker's agent watches: instrumented code in the module calls Isolane. */
    private static int greeted;

    private Greeter() {}

    public static String greet(String name) {
        greeted++;
        return "Hello, " + name;
    }
}
