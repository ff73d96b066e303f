package dev.isolane.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Surefire's {@code useModulePath}: when the project's main code is a module (a {@code module-info.class} in its
 * classes directory or jar), workers run the tests inside that module, as Surefire does: the module and the modules
 * it requires on the module path, the test classes patched into it, its packages opened to the class path, where
 * JUnit and Isolane stay. A project without a module descriptor runs on the class path all the same.
 *
 * @param mainOutput the main code: the classes directory, or the project's jar
 * @param testOutput the test classes directory, patched into the main module
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ModulePatching(Path mainOutput, Path testOutput) {

    public ModulePatching {
        Objects.requireNonNull(mainOutput, "mainOutput");
        Objects.requireNonNull(testOutput, "testOutput");
    }
}
