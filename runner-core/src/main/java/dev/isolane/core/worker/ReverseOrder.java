package dev.isolane.core.worker;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Comparator;
import org.apiguardian.api.API;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;

/**
 * Jupiter's orderers for {@code runOrder=reversealphabetical}, which Surefire 3.6 sets as the default method and
 * class orderers; Jupiter itself has only the alphabetical ones. Jupiter creates them by name, so they are public.
 */
@API(status = INTERNAL, since = "0.1")
public final class ReverseOrder {

    private ReverseOrder() {}

    /** Test methods by name, Z to A; overloads by their parameter lists. */
    public static final class Methods implements MethodOrderer {
        @Override
        public void orderMethods(MethodOrdererContext context) {
            context.getMethodDescriptors().sort(Comparator.comparing((MethodDescriptor m) -> m.getMethod().getName())
                    .thenComparing(m -> m.getMethod().toString()).reversed());
        }
    }

    /** Classes (nested ones, in a worker) by name, Z to A. */
    public static final class Classes implements ClassOrderer {
        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor c) -> c.getTestClass().getName())
                    .reversed());
        }
    }
}
