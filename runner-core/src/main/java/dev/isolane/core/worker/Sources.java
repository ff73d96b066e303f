package dev.isolane.core.worker;

import dev.isolane.core.protocol.SourceInfo;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.CompositeTestSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.PackageSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/** Describes a JUnit test source as plain values; sources of other kinds are dropped. */
final class Sources {

    private Sources() {}

    static SourceInfo describe(TestSource source) {
        if (source instanceof MethodSource method) {
            return new SourceInfo("method", method.getClassName(), method.getMethodName(),
                    method.getMethodParameterTypes(), 0, 0);
        }
        if (source instanceof ClassSource type) {
            return withPosition("class", type.getClassName(), type.getPosition());
        }
        if (source instanceof PackageSource pkg) {
            return new SourceInfo("package", pkg.getPackageName(), null, null, 0, 0);
        }
        if (source instanceof ClasspathResourceSource resource) {
            return withPosition("classpath-resource", resource.getClasspathResourceName(), resource.getPosition());
        }
        if (source instanceof FileSource file) {
            return withPosition("uri", file.getUri().toString(), file.getPosition());
        }
        if (source instanceof UriSource uri) {
            return new SourceInfo("uri", uri.getUri().toString(), null, null, 0, 0);
        }
        if (source instanceof CompositeTestSource composite) {
            for (TestSource each : composite.getSources()) {
                SourceInfo described = describe(each);
                if (described != null) {
                    return described;
                }
            }
        }
        return null;
    }

    private static SourceInfo withPosition(String kind, String name, Optional<FilePosition> position) {
        return new SourceInfo(kind, name, null, null, position.map(FilePosition::getLine).orElse(0),
                position.flatMap(FilePosition::getColumn).orElse(0));
    }
}
