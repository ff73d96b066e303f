package dev.isolane.junit.engine;

/** Says what a process exit code means, as the Maven plugin's console does. */
final class ExitCodes {

    private ExitCodes() {}

    static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 160) {
            return "was killed by signal " + (exitCode - 128) + " (exit code " + exitCode + ")";
        }
        return "exited with code " + exitCode;
    }
}
