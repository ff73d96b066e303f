package dev.isolane.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;

/** The command that runs this build again, for the HTML report to show. */
final class MavenCommandLine {

    private MavenCommandLine() {}

    /** What the {@code mvn} script was given (it exports it), else the goals and {@code -D} properties of the session. */
    static String of(MavenSession session) {
        String given = System.getenv("MAVEN_CMD_LINE_ARGS");
        if (given != null && !given.isBlank()) {
            return "mvn " + given.trim();
        }
        List<String> words = new ArrayList<>();
        words.add("mvn");
        words.addAll(session.getRequest().getGoals());
        for (Map.Entry<Object, Object> property : session.getUserProperties().entrySet()) {
            words.add("-D" + property.getKey() + "=" + property.getValue());
        }
        return String.join(" ", words);
    }
}
