package dev.isolane.core.select;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Globs as Surefire's parameters write them, turned into regular expressions: {@code *} is any run of characters,
 * {@code ?} one character, everything else stands for itself. Two dialects: plain names ({@code -Dtest}'s method
 * names, {@code dependenciesToScan}'s coordinates), where {@code *} crosses every character, and class file paths,
 * where {@code *} and {@code ?} stop at a slash, {@code **} crosses slashes and {@code **}{@code /} may also stand for
 * no directory at all, so {@code **}{@code /*Test} matches a class in the default package.
 */
@API(status = INTERNAL, since = "0.1")
public final class Glob {

    private Glob() {}

    /** The regular expression of a glob over plain names; to be matched against the whole name. */
    public static String toRegex(String glob) {
        return toRegex(glob, false);
    }

    /** The regular expression of a glob over slash-separated paths; to be matched against the whole path. */
    static String pathToRegex(String glob) {
        return toRegex(glob, true);
    }

    private static String toRegex(String glob, boolean path) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            if (!literal.isEmpty()) {
                regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
            }
            if (c == '?') {
                regex.append(path ? "[^/]" : ".");
            } else if (path && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                regex.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            } else {
                regex.append(path ? "[^/]*" : ".*");
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return regex.toString();
    }
}
