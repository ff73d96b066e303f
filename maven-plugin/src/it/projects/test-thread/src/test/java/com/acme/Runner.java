package com.acme;

/** Which runner runs the tests, from the it.runner property each plugin sets. */
final class Runner {
    private Runner() {}

    static boolean isolane() {
        String runner = System.getProperty("it.runner");
        if (runner == null) {
            throw new AssertionError("it.runner is not set: the POM sets it for each plugin");
        }
        return runner.equals("isolane");
    }
}
