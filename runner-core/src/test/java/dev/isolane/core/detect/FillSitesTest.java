package dev.isolane.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;

/** Which methods of a compiled class fill a static map on a miss, read from the class's own bytecode. */
class FillSitesTest {

    private static final String OWNER = Caches.class.getName().replace('.', '/');

    @Test
    void computeIfAbsentAndGetThenPutFillOnAMiss() throws Exception {
        FillSites sites = sitesOf(Caches.class);
        assertThat(sites.of("computed(Ljava/lang/String;)Ljava/lang/String;")).containsExactly(OWNER + ".NAMES");
        assertThat(sites.of("getThenPut(Ljava/lang/String;)Ljava/lang/String;")).containsExactly(OWNER + ".NAMES");
    }

    @Test
    void aPlainPutOrADuplicateCheckIsNoFill() throws Exception {
        FillSites sites = sitesOf(Caches.class);
        assertThat(sites.of("register(Ljava/lang/String;Ljava/lang/String;)V")).isEmpty();
        assertThat(sites.of("registerOnce(Ljava/lang/String;Ljava/lang/String;)V")).isEmpty();
        assertThat(sites.of("lookup(Ljava/lang/String;)Ljava/lang/String;")).isEmpty();
    }

    private static FillSites sitesOf(Class<?> type) throws Exception {
        try (InputStream bytes = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            FillSites sites = new FillSites();
            new ClassReader(bytes).accept(sites, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return sites;
        }
    }

    static final class Caches {
        static final Map<String, String> NAMES = new HashMap<>();

        static String computed(String key) {
            return NAMES.computeIfAbsent(key, String::toUpperCase);
        }

        static String getThenPut(String key) {
            String value = NAMES.get(key);
            if (value == null) {
                value = key.toUpperCase();
                NAMES.put(key, value);
            }
            return value;
        }

        static void register(String key, String value) {
            NAMES.put(key, value);
        }

        static void registerOnce(String key, String value) {
            if (NAMES.containsKey(key)) {
                throw new IllegalStateException(key);
            }
            NAMES.put(key, value);
        }

        static String lookup(String key) {
            return NAMES.get(key);
        }
    }
}
