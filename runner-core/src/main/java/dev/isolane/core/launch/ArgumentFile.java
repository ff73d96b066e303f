package dev.isolane.core.launch;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.File;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The text of a {@code java @file} argument file: no command-line length limit, and a long class path is written
 * once per run instead of once per JVM.
 */
@API(status = INTERNAL, since = "0.1")
public final class ArgumentFile {

    /**
     * The system property that carries the project's test class path, in the project's order, without what Isolane
     * adds: the worker shows it to tests as {@code java.class.path}, as Surefire's fork does (Surefire's own name).
     */
    public static final String TEST_CLASSPATH_PROPERTY = "surefire.test.class.path";

    private ArgumentFile() {}

    /**
     * @param lines     lines already in argument-file form (a user's argLine is command-line form, which is the same)
     * @param options   single arguments, each quoted
     * @param classpath the class path, last
     */
    public static String content(List<String> lines, List<String> options, List<String> classpath) {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        options.forEach(option -> text.append(quote(option)).append('\n'));
        text.append("-cp\n");
        text.append(quote(String.join(File.pathSeparator, classpath))).append('\n');
        return text.toString();
    }

    /** Quote one argument: inside quotes, backslash escapes. */
    public static String quote(String argument) {
        return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t") + '"';
    }
}
