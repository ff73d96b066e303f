package dev.isolane.maven;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;

/**
 * Whether this build's console is a person's terminal, where the progress can be one status line redrawn in place:
 * Maven not in batch mode ({@code -B}, as CI runs it), a terminal on standard input and output (not a pipe or a
 * file), one that understands escapes ({@code TERM} is not {@code dumb}), info lines shown (not {@code -q}), and no
 * other module of a parallel build ({@code -T}) printing beside this one, whose lines would tear the status line.
 */
final class InteractiveTerminal {

    private InteractiveTerminal() {}

    static boolean detect(MavenSession session, Log log) {
        return decide(session.getRequest().isInteractiveMode(), session.isParallel(), log.isInfoEnabled(),
                consoleIsTerminal(), System.getenv());
    }

    static boolean decide(boolean interactiveMode, boolean parallel, boolean infoShown, boolean consoleIsTerminal,
            Map<String, String> environment) {
        return interactiveMode && !parallel && infoShown && consoleIsTerminal
                && !"dumb".equals(environment.get("TERM"));
    }

    /**
     * {@code System.console()} is there only when standard input and output are a terminal up to Java 21; from 22
     * it is there always and says so with {@code isTerminal()}.
     */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
