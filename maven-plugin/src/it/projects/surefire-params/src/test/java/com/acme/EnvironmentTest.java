package com.acme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Records what its JVM sees: the environment, system properties and what is on the class path. */
class EnvironmentTest {

    @Test
    void recordsItsJvm() throws IOException {
        System.out.println("EnvironmentTest prints");
        String facts = "token=" + System.getenv("ACME_TOKEN") + "\n"
                + "fromFile=" + System.getProperty("acme.from.file") + "\n"
                + "both=" + System.getProperty("acme.both") + "\n"
                + "lang3=" + present("org.apache.commons.lang3.StringUtils") + "\n"
                + "gson=" + present("com.google.gson.Gson") + "\n"
                + "extra=" + (getClass().getClassLoader().getResource("acme/extra.txt") != null) + "\n";
        Path dir = Files.createDirectories(Path.of(System.getProperty("it.facts")));
        Files.writeString(dir.resolve("EnvironmentTest.properties"), facts);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
