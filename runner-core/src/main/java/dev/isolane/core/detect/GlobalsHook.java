package dev.isolane.core.detect;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.isolane.core.model.StateKey;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.security.Provider;
import java.security.Security;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * Stands in for the JDK methods that read or change JVM globals, at their call sites in instrumented classes: each
 * records which test class is reading or changing what, then calls the JDK method. {@link GlobalCalls} says which
 * call goes where. Public because instrumented classes in any package call it; not for use by hand.
 */
@API(status = INTERNAL, since = "0.1")
public final class GlobalsHook {

    private static final AtomicInteger OUT_CLOSES = new AtomicInteger();
    private static final AtomicInteger ERR_CLOSES = new AtomicInteger();

    private GlobalsHook() {}

    /**
     * A test closed {@code System.out}. The worker's capture stays open, so later classes' output is still captured,
     * but the class tried to change the stream every class shares, and the report says so.
     */
    public static void closedOut() {
        OUT_CLOSES.incrementAndGet();
        write(JvmGlobals.OUT_CLOSED);
    }

    /** As {@link #closedOut()}, for {@code System.err}. */
    public static void closedErr() {
        ERR_CLOSES.incrementAndGet();
        write(JvmGlobals.ERR_CLOSED);
    }

    static int outCloses() {
        return OUT_CLOSES.get();
    }

    static int errCloses() {
        return ERR_CLOSES.get();
    }

    static void read(StateKey key) {
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses == null) {
            Unattributed.count(key);
        } else {
            accesses.recordGlobal(key, false);
        }
    }

    static void write(StateKey key) {
        ClassAccesses accesses = ClassAccesses.current();
        if (accesses == null) {
            Unattributed.count(key);
        } else {
            accesses.recordGlobal(key, true);
        }
    }

    // System properties

    public static String getProperty(String key) {
        read(JvmGlobals.property(key));
        return System.getProperty(key);
    }

    public static String getProperty(String key, String fallback) {
        read(JvmGlobals.property(key));
        return System.getProperty(key, fallback);
    }

    public static String setProperty(String key, String value) {
        write(JvmGlobals.property(key));
        return System.setProperty(key, value);
    }

    public static String clearProperty(String key) {
        write(JvmGlobals.property(key));
        return System.clearProperty(key);
    }

    /** Replacing all properties changes each key whose value differs. */
    public static void setProperties(Properties replacement) {
        Properties current = System.getProperties();
        Set<String> names = new HashSet<>(current.stringPropertyNames());
        if (replacement != null) {
            names.addAll(replacement.stringPropertyNames());
        }
        for (String name : names) {
            String now = current.getProperty(name);
            String next = replacement == null ? null : replacement.getProperty(name);
            if (now == null ? next != null : !now.equals(next)) {
                write(JvmGlobals.property(name));
            }
        }
        System.setProperties(replacement);
    }

    public static boolean getBoolean(String key) {
        read(JvmGlobals.property(key));
        return Boolean.getBoolean(key);
    }

    public static Integer getInteger(String key) {
        read(JvmGlobals.property(key));
        return Integer.getInteger(key);
    }

    public static Integer getInteger(String key, int fallback) {
        read(JvmGlobals.property(key));
        return Integer.getInteger(key, fallback);
    }

    public static Integer getInteger(String key, Integer fallback) {
        read(JvmGlobals.property(key));
        return Integer.getInteger(key, fallback);
    }

    public static Long getLong(String key) {
        read(JvmGlobals.property(key));
        return Long.getLong(key);
    }

    public static Long getLong(String key, long fallback) {
        read(JvmGlobals.property(key));
        return Long.getLong(key, fallback);
    }

    public static Long getLong(String key, Long fallback) {
        read(JvmGlobals.property(key));
        return Long.getLong(key, fallback);
    }

    // System streams: reads are the GETSTATICs of System.out, System.err and System.in

    public static void readsOut() {
        read(JvmGlobals.OUT);
    }

    public static void readsErr() {
        read(JvmGlobals.ERR);
    }

    public static void readsIn() {
        read(JvmGlobals.IN);
    }

    public static void setOut(PrintStream stream) {
        write(JvmGlobals.OUT);
        System.setOut(stream);
    }

    public static void setErr(PrintStream stream) {
        write(JvmGlobals.ERR);
        System.setErr(stream);
    }

    public static void setIn(InputStream stream) {
        write(JvmGlobals.IN);
        System.setIn(stream);
    }

    // Locale and TimeZone

    public static Locale localeGetDefault() {
        read(JvmGlobals.LOCALE);
        return Locale.getDefault();
    }

    public static Locale localeGetDefault(Locale.Category category) {
        read(JvmGlobals.LOCALE);
        return Locale.getDefault(category);
    }

    public static void localeSetDefault(Locale locale) {
        write(JvmGlobals.LOCALE);
        Locale.setDefault(locale);
    }

    public static void localeSetDefault(Locale.Category category, Locale locale) {
        write(JvmGlobals.LOCALE);
        Locale.setDefault(category, locale);
    }

    public static TimeZone timeZoneGetDefault() {
        read(JvmGlobals.TIME_ZONE);
        return TimeZone.getDefault();
    }

    public static void timeZoneSetDefault(TimeZone zone) {
        write(JvmGlobals.TIME_ZONE);
        TimeZone.setDefault(zone);
    }

    public static ZoneId zoneIdSystemDefault() {
        read(JvmGlobals.TIME_ZONE);
        return ZoneId.systemDefault();
    }

    // Other globals

    public static Thread.UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() {
        read(JvmGlobals.UNCAUGHT_HANDLER);
        return Thread.getDefaultUncaughtExceptionHandler();
    }

    public static void setDefaultUncaughtExceptionHandler(Thread.UncaughtExceptionHandler handler) {
        write(JvmGlobals.UNCAUGHT_HANDLER);
        Thread.setDefaultUncaughtExceptionHandler(handler);
    }

    public static int addProvider(Provider provider) {
        write(JvmGlobals.SECURITY_PROVIDERS);
        return Security.addProvider(provider);
    }

    public static int insertProviderAt(Provider provider, int position) {
        write(JvmGlobals.SECURITY_PROVIDERS);
        return Security.insertProviderAt(provider, position);
    }

    public static void removeProvider(String name) {
        write(JvmGlobals.SECURITY_PROVIDERS);
        Security.removeProvider(name);
    }

    public static void authenticatorSetDefault(Authenticator authenticator) {
        write(JvmGlobals.AUTHENTICATOR);
        Authenticator.setDefault(authenticator);
    }

    public static Authenticator authenticatorGetDefault() {
        read(JvmGlobals.AUTHENTICATOR);
        return Authenticator.getDefault();
    }

    public static void proxySelectorSetDefault(ProxySelector selector) {
        write(JvmGlobals.PROXY_SELECTOR);
        ProxySelector.setDefault(selector);
    }

    public static ProxySelector proxySelectorGetDefault() {
        read(JvmGlobals.PROXY_SELECTOR);
        return ProxySelector.getDefault();
    }

    public static void cookieHandlerSetDefault(CookieHandler handler) {
        write(JvmGlobals.COOKIE_HANDLER);
        CookieHandler.setDefault(handler);
    }

    public static CookieHandler cookieHandlerGetDefault() {
        read(JvmGlobals.COOKIE_HANDLER);
        return CookieHandler.getDefault();
    }
}
