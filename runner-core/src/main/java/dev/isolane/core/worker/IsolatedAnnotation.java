package dev.isolane.core.worker;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds {@code @IsolatedProcess} by name, so runner-core needs no compile-time link to junit-extension: on the class,
 * inherited from a superclass, or as a meta-annotation of any annotation found there.
 */
final class IsolatedAnnotation {

    static final String NAME = "dev.isolane.junit.IsolatedProcess";

    private IsolatedAnnotation() {}

    static boolean isPresentOn(Class<?> testClass) {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Annotation annotation : type.getDeclaredAnnotations()) {
                if (isOrCarries(annotation.annotationType(), new HashSet<>())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOrCarries(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (type.getName().equals(NAME)) {
            return true;
        }
        if (!seen.add(type) || type.getName().startsWith("java.lang.annotation.")) {
            return false;
        }
        for (Annotation meta : type.getDeclaredAnnotations()) {
            if (isOrCarries(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }
}
