package dev.isolane.core.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

    /** Plain names: method names of -Dtest and dependenciesToScan's coordinates. Paths: class file paths. */
    @ParameterizedTest(name = "{0} glob {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "plain | *              | ''               | true",
            "plain | *              | anything         | true",
            "plain | bar*           | barbecue         | true",
            "plain | bar*           | foobar           | false",
            "plain | a?c            | abc              | true",
            "plain | a?c            | ac               | false",
            // Regex characters stand for themselves.
            "plain | org.*          | org.acme         | true",
            "plain | org.*          | orgXacme         | false",
            "plain | a+b            | a+b              | true",
            "plain | a+b            | aab              | false",
            "plain | x\\Ey*         | x\\Eyz           | true",
            "path  | com/acme/*.Foo | com/acme/x.Foo   | true",
            "path  | com/acme/*.Foo | com/acme/xyFoo   | false",
            // Where the dialects differ: in a path, * and ? stop at a slash.
            "plain | a*c            | a/b/c            | true",
            "path  | a*c            | a/b/c            | false",
            "plain | a?c            | a/c              | true",
            "path  | a?c            | a/c              | false",
            "path  | *Test          | FooTest          | true",
            "path  | *Test          | com/acme/FooTest | false",
            // ** crosses slashes, and **/ may stand for no directory at all.
            "path  | **/*Test       | FooTest          | true",
            "path  | **/*Test       | com/acme/FooTest | true",
            "path  | com/**/Foo     | com/Foo          | true",
            "path  | com/**/Foo     | com/a/b/Foo      | true",
            "path  | com/**         | com/a/b/Foo      | true",
            "path  | com/a**        | com/ab/c         | true"})
    void matchesTheWholeValue(String dialect, String glob, String value, boolean matches) {
        String regex = dialect.equals("path") ? Glob.pathToRegex(glob) : Glob.toRegex(glob);
        assertThat(value.matches(regex)).isEqualTo(matches);
    }
}
