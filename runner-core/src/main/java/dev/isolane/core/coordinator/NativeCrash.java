package dev.isolane.core.coordinator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the JVM said about its own fatal error: the banner it prints to stdout ("A fatal error has been detected by
 * the Java Runtime Environment"), and from its error report file the thread that was running when it crashed.
 *
 * @param signal     the first line of the banner, such as {@code SIGSEGV (0xb) at pc=0x..., pid=1, tid=2}
 * @param frame      the problematic frame, or null
 * @param reportFile the hs_err file, or null
 * @param thread     the Java thread that crashed, or null when the report names none
 */
record NativeCrash(String signal, String frame, Path reportFile, String thread) {

    private static final String BANNER = "A fatal error has been detected by the Java Runtime Environment";
    private static final Pattern SIGNAL = Pattern.compile("(?m)^#\\s+((?:SIG\\w+|EXCEPTION_\\w+|Internal Error"
            + "|Out of Memory Error|There is insufficient memory)\\b.*)$");
    private static final Pattern FRAME = Pattern.compile("(?m)^# Problematic frame:\\R#\\s*(.+)$");
    private static final Pattern REPORT = Pattern.compile("(?m)^# An error report file with more information is saved"
            + " as:\\R#\\s*(\\S.*)$");
    private static final Pattern CURRENT_THREAD = Pattern.compile("Current thread \\(0x[0-9a-fA-F]+\\):\\s+\\w*Thread"
            + " \"([^\"]*)\"");

    /** The crash described in a JVM's output, or null when the output holds no fatal-error banner. */
    static NativeCrash parse(String jvmOutput, Path workingDirectory) {
        if (jvmOutput == null || !jvmOutput.contains(BANNER)) {
            return null;
        }
        String signal = group(SIGNAL, jvmOutput);
        String frame = group(FRAME, jvmOutput);
        String file = group(REPORT, jvmOutput);
        Path report = file == null ? null : workingDirectory.resolve(file.trim());
        return new NativeCrash(signal == null ? "a fatal error" : signal.trim(), frame, report, threadIn(report));
    }

    private static String threadIn(Path report) {
        if (report == null || !Files.isRegularFile(report)) {
            return null;
        }
        try {
            // The thread is named near the top; the whole file can be large.
            byte[] head = new byte[(int) Math.min(Files.size(report), 64 * 1024)];
            try (var in = Files.newInputStream(report)) {
                int read = in.readNBytes(head, 0, head.length);
                return group(CURRENT_THREAD, new String(head, 0, read, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return null;
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    String describe() {
        return "crashed natively: " + signal + (frame == null ? "" : ", in " + frame.trim())
                + (thread == null ? "" : ", on thread " + thread)
                + (reportFile == null ? "" : " (the JVM's error report: " + reportFile + ")");
    }
}
