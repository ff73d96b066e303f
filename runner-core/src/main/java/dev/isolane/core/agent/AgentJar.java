package dev.isolane.core.agent;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.apiguardian.api.API;

/**
 * Writes the agent jar workers start with: a manifest naming {@link WorkerAgent}, nothing else. It works the same
 * whether runner-core is a shaded jar (a build) or a classes directory (runner-core's own tests).
 */
@API(status = INTERNAL, since = "0.1")
public final class AgentJar {

    private static final String FILE_NAME = "isolane-agent.jar";

    private AgentJar() {}

    public static Path write(Path directory) throws IOException {
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Premain-Class", WorkerAgent.class.getName());
        attributes.putValue("Can-Retransform-Classes", "true");
        Path jar = directory.resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole content
        }
        return jar;
    }
}
