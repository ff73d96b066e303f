package com.acme;

import dev.isolane.junit.IsolatedProcess;
import java.lang.reflect.Field;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The second of three tests crashes its JVM natively (a write to address 0): the third never starts. */
@IsolatedProcess
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IsolatedCrashesMidwayTest {

    @Test
    @Order(1)
    void first() {
    }

    @Test
    @Order(2)
    void crashes() throws Exception {
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field field = unsafeClass.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        unsafeClass.getMethod("putAddress", long.class, long.class).invoke(field.get(null), 0L, 42L);
    }

    @Test
    @Order(3)
    void neverStarts() {
    }
}
