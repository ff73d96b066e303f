package com.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of test Jupiter has, all passing. */
class KindsTest {

    @Test
    @Tag("fast")
    void plain() {}

    @ParameterizedTest
    @ValueSource(strings = {"a", "b", "c"})
    @Tag("fast")
    void param(String value) {
        assertEquals(1, value.length());
    }

    @ParameterizedTest(name = "{0} plus {1}")
    @CsvSource({"1, 2", "3, 4"})
    @Tag("slow")
    void named(int a, int b) {}

    @RepeatedTest(3)
    void repeated() {}

    @TestFactory
    Stream<DynamicNode> dyn() {
        return Stream.of(DynamicTest.dynamicTest("first", () -> {}),
                DynamicContainer.dynamicContainer("group", Stream.of(DynamicTest.dynamicTest("inner", () -> {}))));
    }

    @Nested
    class Inner {
        @Test
        void innerPlain() {}

        @Nested
        class Deeper {
            @ParameterizedTest
            @ValueSource(ints = {1, 2})
            void deepParam(int value) {}
        }
    }
}
