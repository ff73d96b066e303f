package dev.isolane.maven.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every parameter with a wrong value stops the build with one error naming the parameter, the value and what is
 * accepted, before any worker JVM starts. The project sets none of these parameters in its POM, so the command line
 * reaches them.
 */
class BadInputIT {

    private static final String GOAL = "dev.isolane:isolane-maven-plugin:" + MavenBuild.property("isolane.version")
            + ":test";
    private static Path project;

    @BeforeAll
    static void compileOnce() {
        project = MavenBuild.project("bad-input").copyProject();
        BuildResult compiled = MavenBuild.project("bad-input").args("test-compile").runIn(project);
        assertThat(compiled.exitCode()).as(compiled.log()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "-Disolane.threads=0    | Invalid value for parameter 'threads': '0'. It must come to at least 1; use auto"
                    + " (the default), a whole number such as 2, or a multiple of the cores such as 1C or 1.5C.",
            "-Disolane.threads=-1   | Invalid value for parameter 'threads': '-1'. Use auto (the default), a whole"
                    + " number of at least 1, such as 2, or a multiple of the CPU cores, such as 1C or 1.5C.",
            "-Disolane.threads=abc  | Invalid value for parameter 'threads': 'abc'. Use auto (the default), a whole"
                    + " number of at least 1, such as 2, or a multiple of the CPU cores, such as 1C or 1.5C.",
            "-Disolane.forks=x      | Invalid value for parameter 'forks': 'x'. Use a whole number of at least 1, such"
                    + " as 2, or a multiple of the CPU cores, such as 1C or 1.5C.",
            "-Disolane.isolation=bogus | Invalid value for parameter 'isolation': 'bogus'. Use one of: annotated, all,"
                    + " none, auto.",
            "-Disolane.detect=bogus | Invalid value for parameter 'detect': 'bogus'. Use one of: off, globals, statics"
                    + " (on = statics).",
            "-Disolane.confirm=maybe | Invalid value for parameter 'confirm': 'maybe'. Use one of: auto, all, off.",
            "-Disolane.failOnViolation=sometimes | Invalid value for parameter 'failOnViolation': 'sometimes'. Use one"
                    + " of: false, true, confirmed.",
            "-Disolane.timeout=-5   | Invalid value for parameter 'timeout': '-5'. Use a whole number of seconds, at"
                    + " least 0 (0 means none).",
            "-Disolane.timeout=soon | Invalid value for parameter 'timeout': 'soon'. Use a whole number of seconds, at"
                    + " least 0 (0 means none).",
            "-Dsurefire.runOrder=sideways | Invalid value for parameter 'runOrder': 'sideways'. Use one of:"
                    + " alphabetical, reversealphabetical, random, hourly, failedfirst, balanced, filesystem; leave it"
                    + " unset for Isolane's default, the longest classes first.",
            "-Dsurefire.reportNameSuffix=../up | Invalid value for parameter 'reportNameSuffix': '../up'. It becomes"
                    + " part of file names: use letters, digits, '.', '-' or '_', such as jdk17.",
            "-Dsurefire.excludedEnvironmentVariables=TOKEN=1 | Invalid value for parameter"
                    + " 'excludedEnvironmentVariables': 'TOKEN=1'. Name each variable exactly as it is set, such as"
                    + " ACME_TOKEN, without '=' or a value."})
    void aWrongValueIsOneClearErrorBeforeAnyJvmStarts(String argument, String message) {
        // The goal alone, as "mvn isolane:test" would run it; the classes are compiled already.
        BuildResult build = MavenBuild.project("bad-input").args(GOAL, argument).runIn(project);

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.logLines(message)).as(build.log()).hasSize(1);
        assertThat(build.logLines("Invalid value for parameter")).hasSize(1);
        assertNoJvmStarted(build);
    }

    @Test
    void failingOnlyOnConfirmedViolationsWithConfirmationOffIsOneClearErrorBeforeAnyJvmStarts() {
        BuildResult build = MavenBuild.project("bad-input").args(GOAL, "-Disolane.failOnViolation=confirmed",
                "-Disolane.confirm=off").runIn(project);

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.logLines("Invalid value for parameter 'failOnViolation': 'confirmed'. It fails the build only"
                + " on violations a replay confirmed, and confirm=off replays none: set confirm to auto or all, or"
                + " failOnViolation to true.")).as(build.log()).hasSize(1);
        assertNoJvmStarted(build);
    }

    @Test
    void anUnwritableReportsDirectoryIsOneClearErrorBeforeAnyJvmStarts() {
        // Below a regular file, no directory can be created, whoever runs the build (root ignores permissions).
        Path impossible = project.resolve("pom.xml").resolve("reports");
        BuildResult build = MavenBuild.project("bad-input")
                .args("verify", "-Disolane.reportsDirectory=" + impossible).runIn(project);

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.logLines("Invalid value for parameter 'reportsDirectory': '" + impossible
                + "'. It cannot be created")).as(build.log()).hasSize(1);
        assertThat(build.log()).contains("choose a directory you can write to.");
        assertNoJvmStarted(build);
    }

    @Test
    void aPatternFileThatCannotBeReadIsOneClearErrorBeforeAnyJvmStarts() {
        BuildResult build = MavenBuild.project("bad-input").args(GOAL, "-Dsurefire.includesFile=no-such-file.txt")
                .runIn(project);

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.logLines("Invalid value for parameter 'includesFile': '" + project.resolve("no-such-file.txt")
                + "'. The file cannot be read (java.nio.file.NoSuchFileException")).as(build.log()).hasSize(1);
        assertThat(build.log()).contains("name a readable file or leave the parameter unset.");
        assertNoJvmStarted(build);
    }

    @Test
    void aTestParameterNamingNoClassFailsAsSurefireDoes() {
        BuildResult build = MavenBuild.project("bad-input").args("verify", "-Dtest=NoSuchTest").runIn(project);

        assertThat(build.exitCode()).isNotZero();
        assertThat(build.logLines("No tests matching pattern \"NoSuchTest\" were executed! (Set"
                + " -Dsurefire.failIfNoSpecifiedTests=false to ignore this error.)")).as(build.log()).hasSize(1);
        assertNoJvmStarted(build);
    }

    @Test
    void includesMatchingNothingPassLikeSurefireUnlessFailIfNoTestsIsSet() {
        BuildResult quiet = MavenBuild.project("bad-input").args("verify", "-Dit.includes=**/*Nothing*.java")
                .runIn(project);
        assertThat(quiet.exitCode()).as(quiet.log()).isZero();
        assertThat(quiet.log()).contains("No tests to run.");

        BuildResult strict = MavenBuild.project("bad-input")
                .args("verify", "-Dit.includes=**/*Nothing*.java", "-DfailIfNoTests=true").runIn(project);
        assertThat(strict.exitCode()).isNotZero();
        assertThat(strict.logLines("No tests were executed! (Set -DfailIfNoTests=false to ignore this error.)"))
                .as(strict.log()).hasSize(1);
        assertNoJvmStarted(strict);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON     | is corrupt",
            "not UTF-8    | Cannot read the history file",
            "old schema   | has schema version 99"})
    void aCorruptOrUnreadableHistoryFileIsAWarningAndIsRewritten(String kind, String warning) throws Exception {
        Path copy = MavenBuild.project("bad-input").copyProject();
        Path history = Files.createDirectories(copy.resolve(".isolane")).resolve("history.json");
        switch (kind) {
            case "not JSON" -> Files.writeString(history, "{\"schemaVersion\": 1, \"classes\": {\"com.acme");
            case "not UTF-8" -> Files.write(history, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF, 0x7B});
            default -> Files.writeString(history, "{\"schemaVersion\": 99, \"classes\": {}}");
        }

        BuildResult build = MavenBuild.project("bad-input").args("verify").runIn(copy);

        assertThat(build.exitCode()).as(build.log()).isZero();
        // One warning, naming the file (the parser's own message may run over more than one line).
        assertThat(build.logLines("[WARNING] ").stream().filter(line -> line.contains(history.toString())))
                .singleElement().asString().contains(warning);
        assertThat(build.log()).contains("it will be rewritten at the end of this run");
        assertThat(build.log()).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
        JsonObject rewritten = JsonParser.parseString(Files.readString(history)).getAsJsonObject();
        assertThat(rewritten.getAsJsonObject("classes").has("com.acme.OnlyTest")).isTrue();
    }

    @Test
    void aHistoryFileThatIsADirectoryIsWarnedAboutAndNeverFailsTheBuild() throws Exception {
        Path copy = MavenBuild.project("bad-input").copyProject();
        Path history = Files.createDirectories(copy.resolve("not-a-file"));

        BuildResult build = MavenBuild.project("bad-input")
                .args("verify", "-Disolane.historyFile=" + history).runIn(copy);

        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Cannot read the history file " + history)
                .contains("Cannot write the history file " + history);
    }

    @Test
    void aGoodRunStillWorksInTheSameProject() {
        // A copy of its own: this run does start a worker.
        BuildResult build = MavenBuild.project("bad-input").args("verify", "-Disolane.timeout=60").run();
        assertThat(build.exitCode()).as(build.log()).isZero();
        assertThat(build.log()).contains("Tests run: 1, Failures: 0, Errors: 0, Skipped: 0");
        assertThat(build.records()).containsKey("com.acme.OnlyTest");
    }

    private static void assertNoJvmStarted(BuildResult build) {
        assertThat(build.records()).isEmpty();
        assertThat(Files.exists(build.directory().resolve("target/isolane-work"))).as("a worker was started").isFalse();
    }
}
