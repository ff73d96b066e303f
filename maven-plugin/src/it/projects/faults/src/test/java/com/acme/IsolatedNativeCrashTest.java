package com.acme;

import dev.isolane.junit.IsolatedProcess;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** Writes to address 0 through Unsafe: the JVM dies of SIGSEGV and writes its crash report. */
@IsolatedProcess
class IsolatedNativeCrashTest {

    @Test
    void writesToAddressZero() throws Exception {
        Recorder.record(getClass(), System.currentTimeMillis());
        System.out.println("IsolatedNativeCrashTest is about to crash");
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field field = unsafeClass.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        unsafeClass.getMethod("putAddress", long.class, long.class).invoke(field.get(null), 0L, 42L);
    }
}
