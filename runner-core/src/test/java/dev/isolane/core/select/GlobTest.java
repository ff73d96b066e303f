package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "*         | ''            | true",
            "*         | anything      | true",
            "bar*      | barbecue      | true",
            "bar*      | foobar        | false",
            "a?c       | abc           | true",
            "a?c       | ac            | false",
            "org.*     | org.acme      | true",
            // Regex characters stand for themselves.
            "org.*     | orgXacme      | false",
            "a+b       | a+b           | true",
            "a+b       | aab           | false",
            "x\\Ey*    | x\\Eyz        | true",
            // Plain names have no separator: * and ? cross slashes (the path dialect's differ).
            "a*c       | a/b/c         | true",
            "a?c       | a/c           | true"})
    void plainNames(String glob, String value, boolean matches) {
        assertThat(value.matches(Glob.toRegex(glob))).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "*Test          | FooTest              | true",
            "*Test          | com/acme/FooTest     | false",
            "com/?/Foo      | com/a/Foo            | true",
            "com/?/Foo      | com///Foo            | false",
            "**/*Test       | FooTest              | true",
            "**/*Test       | com/acme/FooTest     | true",
            "com/**/Foo     | com/Foo              | true",
            "com/**/Foo     | com/a/b/Foo          | true",
            "com/**         | com/a/b/Foo          | true",
            "com/a**        | com/ab/c             | true",
            "com/acme/*.Foo | com/acme/x.Foo       | true",
            "com/acme/*.Foo | com/acme/xyFoo       | false"})
    void classFilePaths(String glob, String path, boolean matches) {
        assertThat(path.matches(Glob.pathToRegex(glob))).isEqualTo(matches);
    }
}
