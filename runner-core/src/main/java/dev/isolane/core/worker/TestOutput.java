package dev.isolane.core.worker;

/** What one test printed on the thread that ran it, for the test case's entry in Surefire's XML. */
record TestOutput(String uniqueId, String displayName, BoundedOutput stdout, BoundedOutput stderr) {

    /** Per test and stream: 256 KiB from the start and 64 KiB from the end. */
    static TestOutput open(String uniqueId, String displayName) {
        return new TestOutput(uniqueId, displayName, new BoundedOutput(256 * 1024, 64 * 1024),
                new BoundedOutput(256 * 1024, 64 * 1024));
    }
}
