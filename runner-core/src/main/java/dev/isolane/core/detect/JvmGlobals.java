package dev.isolane.core.detect;

import dev.isolane.core.model.StateKey;
import dev.isolane.core.model.StateKind;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The JVM globals a test class can change for every other class, and a snapshot of them all as strings: values for
 * properties, Locale and TimeZone, identities for installed objects (streams, handlers). Taking one costs
 * microseconds, so the shared worker takes one at every class start and end.
 */
final class JvmGlobals {

    static final StateKey LOCALE = new StateKey(StateKind.DEFAULT_LOCALE, "default Locale");
    static final StateKey TIME_ZONE = new StateKey(StateKind.DEFAULT_TIMEZONE, "default TimeZone");
    static final StateKey OUT = new StateKey(StateKind.SYSTEM_STREAM, "System.out");
    static final StateKey ERR = new StateKey(StateKind.SYSTEM_STREAM, "System.err");
    static final StateKey IN = new StateKey(StateKind.SYSTEM_STREAM, "System.in");
    /** A test closing the captured streams: the capture keeps them open, but the act is still a change. */
    static final StateKey OUT_CLOSED = new StateKey(StateKind.SYSTEM_STREAM, "System.out (closed)");
    static final StateKey ERR_CLOSED = new StateKey(StateKind.SYSTEM_STREAM, "System.err (closed)");
    static final StateKey UNCAUGHT_HANDLER = other("default uncaught exception handler");
    static final StateKey SECURITY_PROVIDERS = other("security providers");
    static final StateKey LOGGING_ROOT = other("java.util.logging root logger (level and handlers)");
    static final StateKey AUTHENTICATOR = other("default Authenticator");
    static final StateKey PROXY_SELECTOR = other("default ProxySelector");
    static final StateKey COOKIE_HANDLER = other("default CookieHandler");
    /** Java cannot change its real working directory; code that resolves paths reads the property instead. */
    static final StateKey WORKING_DIRECTORY = other("working directory (user.dir)");

    private JvmGlobals() {}

    private static StateKey other(String target) {
        return new StateKey(StateKind.OTHER_GLOBAL, target);
    }

    static StateKey property(String name) {
        return "user.dir".equals(name) ? WORKING_DIRECTORY : new StateKey(StateKind.SYSTEM_PROPERTY, name);
    }

    static Map<StateKey, String> capture() {
        // The JDK sets user.timezone itself when the default TimeZone is first asked for: get that done first.
        TimeZone.getDefault();
        Map<StateKey, String> snapshot = new HashMap<>();
        Properties properties = System.getProperties();
        for (String name : properties.stringPropertyNames()) {
            snapshot.put(property(name), properties.getProperty(name));
        }
        snapshot.put(LOCALE, Locale.getDefault().toLanguageTag()
                + " display=" + Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag()
                + " format=" + Locale.getDefault(Locale.Category.FORMAT).toLanguageTag());
        snapshot.put(TIME_ZONE, TimeZone.getDefault().getID());
        snapshot.put(OUT, identity(System.out));
        snapshot.put(ERR, identity(System.err));
        snapshot.put(IN, identity(System.in));
        snapshot.put(OUT_CLOSED, String.valueOf(GlobalsHook.outCloses()));
        snapshot.put(ERR_CLOSED, String.valueOf(GlobalsHook.errCloses()));
        snapshot.put(UNCAUGHT_HANDLER, identity(Thread.getDefaultUncaughtExceptionHandler()));
        snapshot.put(SECURITY_PROVIDERS, Arrays.stream(Security.getProviders()).map(Provider::getName)
                .collect(Collectors.joining(",")));
        Logger root = LogManager.getLogManager().getLogger("");
        snapshot.put(LOGGING_ROOT, root == null ? "none" : root.getLevel() + " " + Arrays.stream(root.getHandlers())
                .map(Handler.class::cast).map(JvmGlobals::identity).collect(Collectors.joining(",")));
        snapshot.put(AUTHENTICATOR, identity(Authenticator.getDefault()));
        snapshot.put(PROXY_SELECTOR, identity(ProxySelector.getDefault()));
        snapshot.put(COOKIE_HANDLER, identity(CookieHandler.getDefault()));
        return snapshot;
    }

    static String identity(Object object) {
        return object == null ? "none" : object.getClass().getName() + "@"
                + Integer.toHexString(System.identityHashCode(object));
    }
}
