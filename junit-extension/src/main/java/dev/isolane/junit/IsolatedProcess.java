package dev.isolane.junit;

import static org.apiguardian.api.API.Status.STABLE;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Run this test class in a fresh JVM of its own, never beside other classes in the shared JVM.
 *
 * <p>Use it for classes that change JVM-wide state they cannot put back: a global registry, a static singleton, a
 * system property read once at class initialization, a native library. Under the Isolane Maven plugin the class gets
 * a forked JVM while every other class keeps running on the shared thread pool; its results come back over the wire.
 *
 * <p>The annotation is inherited by subclasses and may be used as a meta-annotation.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@API(status = STABLE, since = "0.1")
public @interface IsolatedProcess {}
