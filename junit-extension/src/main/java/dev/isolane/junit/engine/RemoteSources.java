package dev.isolane.junit.engine;

import dev.isolane.core.protocol.SourceInfo;
import java.net.URI;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.descriptor.PackageSource;
import org.junit.platform.engine.support.descriptor.UriSource;

/** Rebuilds the test source a fork described, so IDEs can jump from a dynamic test to its code. */
final class RemoteSources {

    private RemoteSources() {}

    static TestSource rebuild(SourceInfo info) {
        if (info == null) {
            return null;
        }
        FilePosition position = info.line() > 0
                ? (info.column() > 0 ? FilePosition.from(info.line(), info.column()) : FilePosition.from(info.line()))
                : null;
        try {
            return switch (info.kind()) {
                case "method" -> MethodSource.from(info.name(), info.methodName(), info.methodParameterTypes());
                case "class" -> ClassSource.from(info.name(), position);
                case "package" -> PackageSource.from(info.name());
                case "classpath-resource" -> ClasspathResourceSource.from(info.name(), position);
                case "uri" -> UriSource.from(URI.create(info.name()));
                default -> null;
            };
        } catch (RuntimeException malformed) {
            return null; // a node without a source still shows and counts
        }
    }
}
