package dev.isolane.core.detect;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * Which JDK static methods {@link GlobalsHook} stands in for: {@code owner.name descriptor} to the hook method's name.
 * Each hook method has the JDK method's descriptor, so a call site swaps one for the other with the stack unchanged.
 */
final class GlobalCalls {

    private static final Map<String, String> HOOK_BY_CALL = new HashMap<>();

    static {
        map("java/lang/System", "getProperty", "getProperty");
        map("java/lang/System", "setProperty", "setProperty");
        map("java/lang/System", "clearProperty", "clearProperty");
        map("java/lang/System", "setProperties", "setProperties");
        map("java/lang/System", "setOut", "setOut");
        map("java/lang/System", "setErr", "setErr");
        map("java/lang/System", "setIn", "setIn");
        map("java/lang/Boolean", "getBoolean", "getBoolean");
        map("java/lang/Integer", "getInteger", "getInteger");
        map("java/lang/Long", "getLong", "getLong");
        map("java/util/Locale", "getDefault", "localeGetDefault");
        map("java/util/Locale", "setDefault", "localeSetDefault");
        map("java/util/TimeZone", "getDefault", "timeZoneGetDefault");
        map("java/util/TimeZone", "setDefault", "timeZoneSetDefault");
        map("java/time/ZoneId", "systemDefault", "zoneIdSystemDefault");
        map("java/lang/Thread", "getDefaultUncaughtExceptionHandler", "getDefaultUncaughtExceptionHandler");
        map("java/lang/Thread", "setDefaultUncaughtExceptionHandler", "setDefaultUncaughtExceptionHandler");
        map("java/security/Security", "addProvider", "addProvider");
        map("java/security/Security", "insertProviderAt", "insertProviderAt");
        map("java/security/Security", "removeProvider", "removeProvider");
        map("java/net/Authenticator", "setDefault", "authenticatorSetDefault");
        map("java/net/Authenticator", "getDefault", "authenticatorGetDefault");
        map("java/net/ProxySelector", "setDefault", "proxySelectorSetDefault");
        map("java/net/ProxySelector", "getDefault", "proxySelectorGetDefault");
        map("java/net/CookieHandler", "setDefault", "cookieHandlerSetDefault");
        map("java/net/CookieHandler", "getDefault", "cookieHandlerGetDefault");
    }

    static final String HOOK_OWNER = Type.getInternalName(GlobalsHook.class);

    private GlobalCalls() {}

    private static void map(String owner, String name, String hookName) {
        boolean found = false;
        for (Method hook : GlobalsHook.class.getDeclaredMethods()) {
            if (hook.getName().equals(hookName) && Modifier.isPublic(hook.getModifiers())) {
                HOOK_BY_CALL.put(owner + '.' + name + Type.getMethodDescriptor(hook), hookName);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no GlobalsHook method " + hookName);
        }
    }

    /** The hook method for an INVOKESTATIC, or null when the call is not one of them. */
    static String hookFor(String owner, String name, String descriptor) {
        return HOOK_BY_CALL.get(owner + '.' + name + descriptor);
    }
}
