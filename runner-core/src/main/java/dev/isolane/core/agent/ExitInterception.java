package dev.isolane.core.agent;

import dev.isolane.core.detect.UntouchedPackages;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.security.ProtectionDomain;

/**
 * The agent's "exit" feature: test and application classes get their exit calls rewritten by {@link
 * ExitCallRewriter} as they load, so {@code System.exit} fails the class that called it instead of ending the JVM.
 * The JDK, JUnit, Maven and Surefire, and Isolane itself are left alone; so is any class that never names "exit" or
 * "halt", which is nearly all of them and costs one scan of its bytes.
 */
final class ExitInterception implements ClassFileTransformer {

    static final String FEATURE = "exit";

    /**
     * Only exit interception leaves out Maven and Surefire: their launchers (MavenCli, Surefire's booter) end the JVM
     * on purpose. Detection still watches them, since a Maven plugin's tests can leave state in Maven's static fields.
     */
    private static final UntouchedPackages UNTOUCHED = UntouchedPackages.COMMON.plus("org/apache/maven/");
    private static final byte[] EXIT = "exit".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HALT = "halt".getBytes(StandardCharsets.US_ASCII);

    private final URL isolaneLocation;

    private ExitInterception(URL isolaneLocation) {
        this.isolaneLocation = isolaneLocation;
    }

    static void install(Instrumentation instrumentation) {
        CodeSource own = ExitInterception.class.getProtectionDomain().getCodeSource();
        instrumentation.addTransformer(new ExitInterception(own == null ? null : own.getLocation()), false);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classFile) {
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || className == null
                || isUntouched(className) || isIsolane(domain)
                || (indexOf(classFile, EXIT) < 0 && indexOf(classFile, HALT) < 0)) {
            return null;
        }
        try {
            return ExitCallRewriter.rewrite(classFile);
        } catch (RuntimeException e) {
            return null; // a class ASM cannot read (a newer class file version, say) loads unchanged
        }
    }

    static boolean isUntouched(String className) {
        return UNTOUCHED.contains(className);
    }

    /** Isolane's own classes come from the same jar (or directory) as this one; its worker exits on purpose. */
    private boolean isIsolane(ProtectionDomain domain) {
        CodeSource source = domain == null ? null : domain.getCodeSource();
        return isolaneLocation != null && source != null && isolaneLocation.equals(source.getLocation());
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
