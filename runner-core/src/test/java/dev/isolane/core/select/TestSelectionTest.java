package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
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

    @Test
    void includesNamingMethodsPickTheirClassesHereAndTheirMethodsInTheWorker() {
        // As an includesFile may hold them since Surefire 3.0.0-M6: "pkg.SomeIT#testMethod".
        TestSelection selection = new TestSelection(List.of("**/*IT.java", "com.acme.SlowCheck#fast*"),
                List.of("**/Broken*", "com.acme.FooIT#flaky"), null);
        Predicate<String> filter = selection.toFilter();

        assertThat(filter.test("com/acme/SlowCheck")).isTrue();
        assertThat(filter.test("com/acme/OtherCheck")).isFalse();
        assertThat(filter.test("com/acme/FooIT")).as("an exclude naming a method leaves its class in").isTrue();
        assertThat(filter.test("com/acme/BrokenIT")).isFalse();
        assertThat(selection.methodFilter()).isEqualTo("**/*IT.java,com.acme.SlowCheck#fast*,!com.acme.FooIT#flaky");
        MethodFilter methods = MethodFilter.parse(selection.methodFilter());
        assertThat(methods.shouldRun("com.acme.SlowCheck", "fastOne")).isTrue();
        assertThat(methods.shouldRun("com.acme.SlowCheck", "slowOne")).isFalse();
        assertThat(methods.shouldRun("com.acme.FooIT", "anything")).isTrue();
        assertThat(methods.shouldRun("com.acme.FooIT", "flaky")).isFalse();
    }

    @Test
    void theMethodFilterIsTheTestParameterOrNothingWhenNoPatternNamesAMethod() {
        assertThat(new TestSelection(List.of("**/*IT.java"), List.of(), null).methodFilter()).isNull();
        assertThat(new TestSelection(List.of("a#b"), List.of(), "FooIT#x").methodFilter()).isEqualTo("FooIT#x");
    }
}
