package dev.isolane.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCallRewriterTest {

    private final List<ExitInterceptedError> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopListening() {
        ExitTrap.listen(error -> { });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "systemExit, System.exit, 3",
            "runtimeExit, Runtime.exit, 4",
            "runtimeHalt, Runtime.halt, 5",
            "staticReference, System.exit, 6",
            "boundReference, Runtime.halt, 7",
            "unboundReference, Runtime.exit, 8",
            "caughtAsException, System.exit, 9"})
    void everyExitThrowsAnErrorNamingTheCallAndStatusInsteadOfEndingTheJvm(String method, String call, int status)
            throws Exception {
        ExitTrap.listen(heard::add);
        Method rewritten = rewrittenCallers().getDeclaredMethod(method);
        rewritten.setAccessible(true);

        assertThatThrownBy(() -> invoke(rewritten))
                .isInstanceOf(ExitInterceptedError.class)
                .hasMessageStartingWith(call + "(" + status + ") was called; Isolane stopped it")
                .satisfies(error -> {
                    ExitInterceptedError stopped = (ExitInterceptedError) error;
                    assertThat(stopped.call()).isEqualTo(call);
                    assertThat(stopped.status()).isEqualTo(status);
                    // The trace starts where the exit was written, not inside the trap.
                    assertThat(stopped.getStackTrace()[0].getClassName()).startsWith(ExitCallers.class.getName());
                });
        assertThat(heard).singleElement().extracting(ExitInterceptedError::status).isEqualTo(status);
    }

    @Test
    void aClassWithoutExitsIsLeftAlone() throws Exception {
        assertThat(ExitCallRewriter.rewrite(bytesOf(ExitCallRewriterTest.class))).isNull();
        Method untouched = rewrittenCallers().getDeclaredMethod("notAnExit");
        untouched.setAccessible(true);
        assertThat(untouched.invoke(null)).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void theJdkJunitMavenAndIsolaneAreNeverRewritten() {
        assertThat(ExitInterception.isUntouched("java/lang/Shutdown")).isTrue();
        assertThat(ExitInterception.isUntouched("org/junit/platform/console/ConsoleLauncher")).isTrue();
        assertThat(ExitInterception.isUntouched("org/apache/maven/cli/MavenCli")).isTrue();
        assertThat(ExitInterception.isUntouched("dev/isolane/shaded/asm/ClassReader")).isTrue();
        assertThat(ExitInterception.isUntouched("dev/isolane/junit/engine/ForkedWorker")).isTrue();
        assertThat(ExitInterception.isUntouched("com/acme/Main")).isFalse();
        // Detection's own addition: exits there are still intercepted.
        assertThat(ExitInterception.isUntouched("org/jacoco/agent/rt/RT")).isFalse();
    }

    private static void invoke(Method method) throws Throwable {
        try {
            method.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** ExitCallers as the agent would load it, in a loader of its own that still sees ExitTrap. */
    private static Class<?> rewrittenCallers() throws IOException, ClassNotFoundException {
        byte[] rewritten = ExitCallRewriter.rewrite(bytesOf(ExitCallers.class));
        assertThat(rewritten).isNotNull();
        ClassLoader loader = new ClassLoader(ExitCallRewriterTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.equals(ExitCallers.class.getName())) {
                    synchronized (getClassLoadingLock(name)) {
                        Class<?> loaded = findLoadedClass(name);
                        return loaded != null ? loaded : defineClass(name, rewritten, 0, rewritten.length);
                    }
                }
                return super.loadClass(name, resolve);
            }
        };
        return Class.forName(ExitCallers.class.getName(), true, loader);
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
