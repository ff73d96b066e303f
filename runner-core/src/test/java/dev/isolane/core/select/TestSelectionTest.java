package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TestSelectionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "com/acme/FooTest, true",
            "com/acme/TestFoo, true",
            "com/acme/FooTests, true",
            "com/acme/FooTestCase, true",
            "FooTest, true",
            "com/acme/Foo, false",
            "com/acme/FooTestHelper, false",
            "com/acme/FooTest$Inner, false"})
    void surefireDefaults(String classPath, boolean selected) {
        assertThat(TestSelection.defaults().toFilter().test(classPath)).isEqualTo(selected);
    }

    @ParameterizedTest(name = "-Dtest={0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "FooTest | com/acme/FooTest | true",
            "FooTest | com/acme/BarTest | false",
            "FooTest | com/acme/MyFooTest | false",
            "Foo* | com/acme/FooBarTest | true",
            "Foo*,Bar* | com/acme/BarTest | true",
            "com.acme.FooTest | com/acme/FooTest | true",
            "com.acme.FooTest | org/acme/FooTest | false",
            "com/acme/**/*Test | com/acme/deep/er/FooTest | true",
            "**/*Test,!Slow* | com/acme/SlowTest | false",
            "**/*Test,!Slow* | com/acme/FastTest | true",
            "!SlowTest | com/acme/FastTest | true",
            "!SlowTest | com/acme/SlowTest | false",
            "FooTest#bar* | com/acme/FooTest | true",
            "FooTest.java | com/acme/FooTest | true",
            "%regex[.*Foo.*] | com/acme/MyFooTest | true",
            "%regex[.*Foo.*] | com/acme/BarTest | false",
            "FooTest | com/acme/FooTest$Nested | false",
            "FooTest$Nested | com/acme/FooTest$Nested | true"})
    void testParameter(String test, String classPath, boolean selected) {
        Predicate<String> filter = new TestSelection(List.of(), List.of(), test).toFilter();
        assertThat(filter.test(classPath)).isEqualTo(selected);
    }

    @ParameterizedTest(name = "-Dtest=''{0}'' is specific: {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {"FooTest | true", "' !FooTest ' | true", "null | false",
            "'' | false", "'  ' | false"})
    void namedTestsAreSpecificBlankOnesAreNot(String test, boolean specific) {
        // The plugin fails a run that found none of the named tests by this (failIfNoSpecifiedTests).
        assertThat(new TestSelection(List.of(), List.of(), test).isSpecific()).isEqualTo(specific);
    }

    @ParameterizedTest(name = "includes {0} excludes {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "**/*IT.java | **/*$* | com/acme/FooIT | true",
            "**/*IT.java | **/Slow* | com/acme/SlowIT | false",
            "com/acme/*Check.java | **/*$* | com/acme/FooCheck | true",
            "com/acme/*Check.java | **/*$* | com/acme/sub/FooCheck | false"})
    void includesAndExcludes(String include, String exclude, String classPath, boolean selected) {
        Predicate<String> filter = new TestSelection(List.of(include), List.of(exclude), null).toFilter();
        assertThat(filter.test(classPath)).isEqualTo(selected);
    }
}
