package dev.isolane.core.violation;

import dev.isolane.core.model.StateKey;
import java.util.Collection;
import java.util.stream.Collectors;

/** What to tell the user to do about a violation: the remedies that work on Isolane, most direct first. */
final class Hints {

    private Hints() {}

    static String hint(StateKey key, Collection<String> writers, Collection<String> readers, boolean concurrent,
            boolean restored, boolean lazyInitialization) {
        return hint(key, writers, readers, concurrent, restored, lazyInitialization, null);
    }

    /** As above, for a static field whose object was changed in place when {@code inPlace} says how. */
    static String hint(StateKey key, Collection<String> writers, Collection<String> readers, boolean concurrent,
            boolean restored, boolean lazyInitialization, String inPlace) {
        String annotate = "annotate " + names(writers) + " with @IsolatedProcess";
        String state = describe(key);
        if (inPlace != null) {
            return inPlaceHint(state, names(writers), annotate, inPlace, lazyInitialization);
        }
        if (lazyInitialization) {
            return names(writers) + " initialized " + state + " (a lazily set value that stays for good) while it had"
                    + " changed a JVM global, so the value may carry that change to other classes: " + annotate
                    + ", or make sure " + state + " is initialized before any test changes globals";
        }
        if (key.target().endsWith("(closed)")) {
            return "do not close " + key.target().replace(" (closed)", "") + " in " + names(writers) + ": it is the"
                    + " stream every class prints to (Isolane kept it open, so later classes' output was still"
                    + " captured; under Surefire, or outside Isolane, their output would be lost)";
        }
        if (!restored) {
            return annotate + ", or restore " + state + " in @AfterEach/@AfterAll" + restoreHow(key);
        }
        return names(writers) + " restore" + (writers.size() == 1 ? "s " : " ") + state + ", but "
                + names(readers) + (readers.size() == 1 ? " was" : " were") + " running at the same time and could"
                + " see the change: " + annotate;
    }

    private static String inPlaceHint(String state, String writers, String annotate, String inPlace, boolean lazy) {
        if (lazy) {
            return writers + " filled the cache in " + state + " (entries that stay for good) while it had changed a"
                    + " JVM global, so the entries may carry that change to other classes: " + annotate
                    + ", or fill the cache before any test changes globals";
        }
        if (inPlace.startsWith("fields")) {
            return annotate + ", or set the fields of " + state + " it changed back in @AfterEach/@AfterAll (save"
                    + " them first), or give each test an instance of its own";
        }
        if (inPlace.startsWith("value")) {
            return annotate + ", or set " + state + " back in @AfterEach/@AfterAll (save its value first)";
        }
        return annotate + ", or put the contents of " + state + " back in @AfterEach/@AfterAll (undo what the class"
                + " changed, or save a copy first and restore it)";
    }

    private static String restoreHow(StateKey key) {
        return switch (key.kind()) {
            case SYSTEM_PROPERTY -> " (save the old value first; clear the property if it had none)";
            case DEFAULT_LOCALE -> " (save Locale.getDefault() first and set it back)";
            case DEFAULT_TIMEZONE -> " (save TimeZone.getDefault() first and set it back)";
            default -> "";
        };
    }

    /** How the state reads in a sentence: "Config.mode", "system property user.timezone", "the default Locale". */
    static String describe(StateKey key) {
        return switch (key.kind()) {
            case STATIC_FIELD -> simpleField(key.target());
            case SYSTEM_PROPERTY -> "system property " + key.target();
            case SYSTEM_STREAM -> key.target();
            default -> "the " + key.target();
        };
    }

    /** {@code com.acme.Config.mode} reads as {@code Config.mode}. */
    static String simpleField(String target) {
        int dot = target.lastIndexOf('.');
        String owner = target.substring(0, Math.max(0, dot));
        return owner.substring(owner.lastIndexOf('.') + 1) + target.substring(dot);
    }

    private static String names(Collection<String> classes) {
        if (classes.isEmpty()) {
            return "no class";
        }
        String all = classes.stream().map(Hints::simpleName).collect(Collectors.joining(", "));
        int comma = all.lastIndexOf(", ");
        return comma < 0 ? all : all.substring(0, comma) + " and " + all.substring(comma + 2);
    }

    static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
