package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.select.TestPatterns.TestPattern;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestPatternsTest {

    @Test
    void splitsIncludesFromExclusionsAndClassPartsFromMethodParts() {
        TestPatterns patterns = TestPatterns.parse(" FooTest , !BarTest,Baz*#a+b* ,, ! QuxTest#slow ");

        assertThat(patterns.includes()).extracting(p -> p.classes().source()).containsExactly("FooTest", "Baz*");
        assertThat(patterns.excludes()).extracting(p -> p.classes().source()).containsExactly("BarTest", "QuxTest");
        assertThat(patterns.includes()).extracting(TestPattern::namesMethods).containsExactly(false, true);
        assertThat(patterns.excludes()).extracting(TestPattern::namesMethods).containsExactly(false, true);

        TestPattern baz = patterns.includes().get(1);
        assertThat(baz.matches("com/acme/BazTest", "a")).isTrue();
        assertThat(baz.matches("com/acme/BazTest", "bee")).isTrue();
        assertThat(baz.matches("com/acme/BazTest", "ab")).isFalse();
        assertThat(baz.matches("com/acme/FooTest", "a")).isFalse();
        TestPattern foo = patterns.includes().get(0);
        assertThat(foo.matches("com/acme/FooTest", "anything")).isTrue();
    }

    @Test
    void aMissingClassPartNamesEveryClass() {
        TestPattern plain = only("#plain");
        assertThat(plain.matches("FooTest", "plain")).isTrue();
        assertThat(plain.matches("com/acme/deep/BarTest", "plain")).isTrue();
        assertThat(plain.matches("com/acme/deep/BarTest", "plainly")).isFalse();

        TestPattern regex = only("%regex[#b.r]");
        assertThat(regex.matches("com/acme/AnyTest", "bar")).isTrue();
        assertThat(regex.matches("com/acme/AnyTest", "bat")).isFalse();
    }

    @Test
    void regexesOnBothSidesOfTheHashAndAmongMethodAlternatives() {
        TestPattern both = only("%regex[com.acme.F.*#b.r]");
        assertThat(both.classes().source()).isEqualTo("%regex[com.acme.F.*]");
        assertThat(both.matches("com/acme/FooTest", "bar")).isTrue();
        assertThat(both.matches("com/other/FooTest", "bar")).isFalse();

        TestPattern mixed = only("FooTest#%regex[t[0-9]*]+exact");
        assertThat(mixed.matches("com/acme/FooTest", "t42")).isTrue();
        assertThat(mixed.matches("com/acme/FooTest", "exact")).isTrue();
        assertThat(mixed.matches("com/acme/FooTest", "tx")).isFalse();
    }

    @Test
    void anEmptyMethodPartNamesNoMethodButAnEmptyMethodRegexNamesNone() {
        assertThat(only("FooTest#").namesMethods()).isFalse();
        TestPattern emptyRegex = only("%regex[Foo.*#]");
        assertThat(emptyRegex.namesMethods()).isTrue();
        assertThat(emptyRegex.matches("FooTest", "any")).isFalse();
    }

    @Test
    void nullOrBlankIsNoPattern() {
        for (String test : new String[] {null, "", " , "}) {
            TestPatterns patterns = TestPatterns.parse(test);
            assertThat(patterns.includes()).isEmpty();
            assertThat(patterns.excludes()).isEmpty();
        }
    }

    private static TestPattern only(String test) {
        List<TestPattern> includes = TestPatterns.parse(test).includes();
        assertThat(includes).hasSize(1);
        return includes.get(0);
    }
}
