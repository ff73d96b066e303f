package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MethodFilterTest {

    @Test
    void classOnlyPatternsFilterNoMethod() {
        MethodFilter filter = MethodFilter.parse("FooTest,!BarTest");
        assertThat(filter.isEmpty()).isTrue();
        assertThat(filter.shouldRun("com.acme.BazTest", "anything")).isTrue();
    }

    @Test
    void globsAndPlusSeparatedAlternatives() {
        MethodFilter filter = MethodFilter.parse("FooTest#bar*+exact");
        assertThat(filter.shouldRun("com.acme.FooTest", "barbecue")).isTrue();
        assertThat(filter.shouldRun("com.acme.FooTest", "exact")).isTrue();
        assertThat(filter.shouldRun("com.acme.FooTest", "exactly")).isFalse();
        assertThat(filter.shouldRun("com.acme.OtherTest", "bar")).isFalse();
    }

    @Test
    void aClassOnlyIncludeBesideAMethodIncludeRunsAllItsMethods() {
        MethodFilter filter = MethodFilter.parse("FooTest#one, BarTest");
        assertThat(filter.shouldRun("com.acme.BarTest", "any")).isTrue();
        assertThat(filter.shouldRun("com.acme.FooTest", "two")).isFalse();
    }

    @Test
    void excludedMethodsWithoutIncludesLeaveEverythingElse() {
        MethodFilter filter = MethodFilter.parse("!FooTest#slow?");
        assertThat(filter.shouldRun("com.acme.FooTest", "slow1")).isFalse();
        assertThat(filter.shouldRun("com.acme.FooTest", "fast")).isTrue();
        assertThat(filter.shouldRun("com.acme.BarTest", "slow1")).isTrue();
    }

    @Test
    void methodOnlyPatternAndRegexes() {
        assertThat(MethodFilter.parse("#plain").shouldRun("a.b.AnyTest", "plain")).isTrue();
        assertThat(MethodFilter.parse("#plain").shouldRun("a.b.AnyTest", "other")).isFalse();
        MethodFilter regex = MethodFilter.parse("%regex[com.acme.F.*#b.r]");
        assertThat(regex.shouldRun("com.acme.FooTest", "bar")).isTrue();
        assertThat(regex.shouldRun("com.acme.FooTest", "baz")).isFalse();
        assertThat(regex.shouldRun("com.other.FooTest", "bar")).isFalse();
    }

    @Test
    void nestedClassesAreMatchedByTheirOwnNameAsSurefireDoes() {
        MethodFilter filter = MethodFilter.parse("FooTest#bar");
        assertThat(filter.shouldRun("com.acme.FooTest$Inner", "bar")).isFalse();
        assertThat(MethodFilter.parse("FooTest*#bar").shouldRun("com.acme.FooTest$Inner", "bar")).isTrue();
    }

    @Test
    void aNegatedMethodPatternDoesNotDropTheClass() {
        TestSelection selection = new TestSelection(java.util.List.of(), java.util.List.of(), "FooTest,!FooTest#slow");
        assertThat(selection.toFilter().test("com/acme/FooTest")).isTrue();
    }

    @Test
    void anExclusionWithAnEmptyMethodPartLeavesOutTheWholeClassInBothReaders() {
        // The class reader used to keep FooTest for "!FooTest#" while the method reader left out all its methods.
        TestSelection selection = new TestSelection(java.util.List.of(), java.util.List.of(), "**/*Test,!FooTest#");
        assertThat(selection.toFilter().test("com/acme/FooTest")).isFalse();
        assertThat(selection.toFilter().test("com/acme/BarTest")).isTrue();
        MethodFilter filter = MethodFilter.parse("**/*Test#*,!FooTest#");
        assertThat(filter.shouldRun("com.acme.FooTest", "any")).isFalse();
        assertThat(filter.shouldRun("com.acme.BarTest", "any")).isTrue();
    }
}
