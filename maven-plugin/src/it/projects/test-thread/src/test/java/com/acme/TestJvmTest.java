package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The JVM a test runs in, as Surefire's fork shows it. */
class TestJvmTest {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "(basedir not set)"));

    @Test
    void worksInTheProjectDirectoryWhichIsBasedir() {
        assertTrue(Files.isRegularFile(BASEDIR.resolve("pom.xml")), BASEDIR.toString());
        assertEquals(BASEDIR.toString(), System.getProperty("user.dir"));
        assertEquals(BASEDIR.toAbsolutePath(), Path.of("").toAbsolutePath());
    }

    @Test
    void knowsTheLocalRepository() {
        String repository = System.getProperty("localRepository");
        assertNotNull(repository);
        assertTrue(Files.isDirectory(Path.of(repository, "org", "junit")), repository);
    }

    @Test
    void seesTheProjectsTestClassPathAsJavaClassPath() {
        List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
        assertEquals(BASEDIR.resolve("target/test-classes").toString(), classpath.get(0));
        assertEquals(BASEDIR.resolve("target/classes").toString(), classpath.get(1));
        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("junit-jupiter-api")), classpath.toString());
        assertFalse(classpath.stream().map(entry -> Path.of(entry).getFileName().toString())
                .anyMatch(file -> file.startsWith("surefire") || file.startsWith("isolane")),
                "the runner's own jars are not the test's: " + classpath);
        assertEquals(System.getProperty("java.class.path"), System.getProperty("surefire.test.class.path"));
        assertNotNull(System.getProperty("surefire.real.class.path"));
    }

    @Test
    void getsMavensUserPropertiesAsSystemProperties() {
        assertEquals("from the command line", System.getProperty("it.userProperty"));
    }

    @Test
    void hasNoConsole() {
        assertNull(System.console());
    }

    /**
     * Different on purpose: Surefire's fork reads its commands from standard input, so a test that reads it there
     * waits or steals them; Isolane's workers have an empty one.
     */
    @Test
    void readsTheEndOfAnEmptyStandardInputInIsolane() throws Exception {
        Assumptions.assumeTrue(Runner.isolane(), "Surefire's fork reads its own commands from standard input");
        assertEquals(-1, System.in.read());
    }
}
