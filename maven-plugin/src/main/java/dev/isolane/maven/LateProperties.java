package dev.isolane.maven;

import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surefire's late replacement: {@code @{name}} in {@code argLine} takes the value the property has when the tests
 * start, so {@code <argLine>@{argLine} -Xmx1g</argLine>} keeps what JaCoCo's {@code prepare-agent} set at run time.
 * A name with no value stays as written, as in Surefire.
 */
final class LateProperties {

    private static final Pattern REFERENCE = Pattern.compile("@\\{([^}]+)}");

    private LateProperties() {}

    static String replace(String text, Properties properties) {
        if (text == null) {
            return null;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = properties.getProperty(matcher.group(1));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
