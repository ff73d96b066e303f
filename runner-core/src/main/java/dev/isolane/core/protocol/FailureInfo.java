package dev.isolane.core.protocol;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A throwable from another JVM, as plain values, so the receiving side can rebuild one that shows the same type,
 * message and stack trace. Java serialization is avoided on purpose: the receiver may not have the class, and its
 * form changes between versions.
 *
 * @param type       the throwable's class name
 * @param message    its message, or null
 * @param text       its {@code toString()}, what a report shows as the first line
 * @param frames     its stack trace
 * @param cause      its cause, or null
 * @param suppressed its suppressed throwables
 * @param expected   for an opentest4j {@code AssertionFailedError}: the expected value as a string, else null
 * @param actual     for an opentest4j {@code AssertionFailedError}: the actual value as a string, else null
 */
@API(status = INTERNAL, since = "0.1")
public record FailureInfo(String type, String message, String text, List<Frame> frames, FailureInfo cause,
        List<FailureInfo> suppressed, String expected, String actual) {

    public FailureInfo {
        Objects.requireNonNull(type, "type");
        frames = frames == null ? List.of() : List.copyOf(frames);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
    }

    /** One stack frame; the fields of {@link StackTraceElement}. */
    public record Frame(String classLoaderName, String moduleName, String moduleVersion, String className,
            String methodName, String fileName, int lineNumber) {

        public static Frame of(StackTraceElement element) {
            return new Frame(element.getClassLoaderName(), element.getModuleName(), element.getModuleVersion(),
                    element.getClassName(), element.getMethodName(), element.getFileName(), element.getLineNumber());
        }

        public StackTraceElement toElement() {
            return new StackTraceElement(classLoaderName, moduleName, moduleVersion, className, methodName, fileName,
                    lineNumber);
        }
    }
}
