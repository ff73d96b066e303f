package dev.isolane.core.agent;

import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;

/**
 * Every way to write an exit, for {@link ExitCallRewriterTest}, which runs a rewritten copy. Never call these methods
 * on this class itself: they would end the test JVM.
 */
final class ExitCallers {

    private ExitCallers() {}

    static void systemExit() {
        System.exit(3);
    }

    static void runtimeExit() {
        Runtime.getRuntime().exit(4);
    }

    static void runtimeHalt() {
        Runtime.getRuntime().halt(5);
    }

    static void staticReference() {
        IntConsumer exit = System::exit;
        exit.accept(6);
    }

    static void boundReference() {
        IntConsumer halt = Runtime.getRuntime()::halt;
        halt.accept(7);
    }

    static void unboundReference() {
        ObjIntConsumer<Runtime> exit = Runtime::exit;
        exit.accept(Runtime.getRuntime(), 8);
    }

    static void caughtAsException() {
        try {
            System.exit(9);
        } catch (Exception notAnException) {
            throw new AssertionError("the stopped exit must not be an Exception", notAnException);
        }
    }

    static int notAnExit() {
        return Runtime.getRuntime().availableProcessors();
    }
}
