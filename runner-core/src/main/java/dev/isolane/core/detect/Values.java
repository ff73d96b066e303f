package dev.isolane.core.detect;

/** How the detector compares a static field's value before and after a class. */
final class Values {

    /** A value that could not be read: never equal to anything, so a write is never taken as restored. */
    static final Object UNKNOWN = new Object();

    private Values() {}

    /**
     * Same value: the same object, or equal JDK values (strings, boxed numbers, JDK collections of them). A user
     * type's equals is not called: it may be expensive or have side effects, and identity is what code that saves
     * and restores a field restores.
     */
    static boolean same(Object before, Object after) {
        if (before == UNKNOWN || after == UNKNOWN) {
            return false;
        }
        if (before == after) {
            return true;
        }
        if (before == null || after == null || before.getClass() != after.getClass()
                || before.getClass().getClassLoader() != null) {
            return false;
        }
        try {
            return before.equals(after);
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }
}
