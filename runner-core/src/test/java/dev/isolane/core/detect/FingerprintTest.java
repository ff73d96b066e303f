package dev.isolane.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Fingerprints of objects held by static fields: what counts as a change in place, and what is never looked at. */
class FingerprintTest {

    @Test
    void aMapThatGainedAnEntryChangedAndOnlyGrew() {
        Map<String, String> registry = new HashMap<>(Map.of("a", "1", "b", "2", "c", "3"));
        Fingerprint before = Fingerprint.of(registry);
        registry.put("d", "4");
        Fingerprint after = Fingerprint.of(registry);

        assertThat(after.sameAs(before)).isFalse();
        assertThat(after.onlyGrewFrom(before)).isTrue();
        assertThat(after.describeChangeFrom(before)).isEqualTo("contents changed in place (3 -> 4 entries)");
    }

    @Test
    void aChangedValueOrARemovedEntryIsNotGrowth() {
        Map<String, String> map = new HashMap<>(Map.of("a", "1", "b", "2"));
        Fingerprint before = Fingerprint.of(map);
        map.put("a", "changed");
        map.put("z", "new");
        assertThat(Fingerprint.of(map).onlyGrewFrom(before)).isFalse();

        map.remove("z");
        Fingerprint sameSize = Fingerprint.of(map);
        assertThat(sameSize.sameAs(before)).isFalse();
        assertThat(sameSize.describeChangeFrom(before)).isEqualTo("contents changed in place (2 entries)");
    }

    @Test
    void aChangePutBackLeavesTheSameFingerprintWhateverTheIterationOrder() {
        Map<Integer, String> map = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            map.put(i * 64, "v" + i); // colliding buckets: order within a bucket follows insertion
        }
        Fingerprint before = Fingerprint.of(map);
        Map<Integer, String> saved = new HashMap<>(map);
        map.clear();
        List<Integer> keys = new ArrayList<>(saved.keySet());
        Collections.reverse(keys);
        keys.forEach(k -> map.put(k, saved.get(k)));
        assertThat(Fingerprint.of(map).sameAs(before)).isTrue();
    }

    @Test
    void anArrayElementWrittenIsNamedByIndex() {
        int[] limits = {10, 20, 30};
        Fingerprint before = Fingerprint.of(limits);
        limits[1] = 99;
        Fingerprint after = Fingerprint.of(limits);
        assertThat(after.sameAs(before)).isFalse();
        assertThat(after.onlyGrewFrom(before)).isFalse();
        assertThat(after.describeChangeFrom(before)).isEqualTo("contents changed in place (element [1] of 3)");
    }

    @Test
    void aSingletonsChangedFieldsAreNamed() {
        Settings settings = new Settings();
        Fingerprint before = Fingerprint.of(settings);
        settings.timeout = 5;
        settings.tags.add("slow");
        Fingerprint after = Fingerprint.of(settings);
        assertThat(after.shape()).isEqualTo(Fingerprint.Shape.OBJECT);
        assertThat(after.describeChangeFrom(before)).isEqualTo("fields changed in place (timeout, tags)");
    }

    @Test
    void twoLevelsAreOpenedAndTheThirdIsAnIdentity() {
        Settings settings = new Settings();
        settings.nested.inner = new Settings.Inner();
        Fingerprint before = Fingerprint.of(settings);
        settings.nested.value = "deeper";       // level 2: a field of a field's object, still seen
        assertThat(Fingerprint.of(settings).sameAs(before)).isFalse();

        Fingerprint second = Fingerprint.of(settings);
        settings.nested.inner.value = "deepest"; // level 3: beyond the bound, not seen
        assertThat(Fingerprint.of(settings).sameAs(second)).isTrue();
    }

    @Test
    void onlyTheFirstElementsAreComparedBesidesTheSize() {
        List<String> big = new ArrayList<>();
        for (int i = 0; i < Fingerprint.MAX_ELEMENTS + 10; i++) {
            big.add("e" + i);
        }
        Fingerprint before = Fingerprint.of(big);
        big.set(Fingerprint.MAX_ELEMENTS + 5, "changed beyond the bound");
        assertThat(Fingerprint.of(big).sameAs(before)).isTrue();
        big.set(0, "changed within the bound");
        assertThat(Fingerprint.of(big).describeChangeFrom(before)).isEqualTo("contents changed in place (element [0] of 74)");
        Fingerprint changed = Fingerprint.of(big);
        big.add("more");
        assertThat(Fingerprint.of(big).onlyGrewFrom(changed)).as("beyond the bounds, a larger size is growth").isTrue();
        big.clear();
        assertThat(Fingerprint.of(big).onlyGrewFrom(changed)).isFalse();
    }

    @Test
    void atomicsAreComparedByValue() {
        AtomicInteger counter = new AtomicInteger();
        Fingerprint before = Fingerprint.of(counter);
        counter.incrementAndGet();
        assertThat(Fingerprint.of(counter).describeChangeFrom(before)).isEqualTo("value changed in place");
    }

    @Test
    void jdkObjectsValuesStatelessObjectsAndEnumsWithoutFieldsAreInert() {
        assertThat(Fingerprint.isInert("text")).isTrue();
        assertThat(Fingerprint.isInert(new BigDecimal("0.19"))).isTrue();
        assertThat(Fingerprint.isInert(Pattern.compile("a+"))).isTrue();
        assertThat(Fingerprint.isInert(List.of(1, 2))).as("immutable collections are JDK objects").isTrue();
        assertThat(Fingerprint.isInert(new Stateless())).isTrue();
        assertThat(Fingerprint.isInert(Plain.A)).isTrue();
        assertThat(Fingerprint.isInert(new HashMap<>())).isFalse();
        assertThat(Fingerprint.isInert(new int[0])).isFalse();
        assertThat(Fingerprint.isInert(new Settings())).isFalse();
    }

    @Test
    void userCodeIsNeverCalled() {
        Hostile hostile = new Hostile();
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(hostile, hostile);
        Hostile.calls.set(0); // the map itself hashed the key
        Fingerprint.of(map);
        Fingerprint.of(new Object[] {hostile});
        Fingerprint.of(hostile);
        assertThat(Hostile.calls).hasValue(0);
    }

    @Test
    void aSubclassOfAJdkCollectionIsNeverOpenedThroughItsOwnMethods() {
        CountingList custom = new CountingList();
        custom.add("x");
        Fingerprint fingerprint = Fingerprint.of(custom);
        assertThat(fingerprint.shape()).as("its own fields only: it declares just a static one")
                .isEqualTo(Fingerprint.Shape.INERT);
        assertThat(CountingList.calls).hasValue(0);
    }

    @Test
    void anUnknownFingerprintIsNeverTheSameAndNeverGrowth() {
        Fingerprint unknown = Fingerprint.UNKNOWN;
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.sameAs(unknown)).isFalse();
        assertThat(unknown.onlyGrewFrom(Fingerprint.of(new HashMap<>()))).isFalse();
        assertThat(Fingerprint.of(new HashMap<>()).onlyGrewFrom(unknown)).isFalse();
    }

    @Test
    void aListModifiedWhileItIsFingerprintedGivesAFingerprintOrUnknownButNeverThrows() throws Exception {
        List<Integer> list = new ArrayList<>();
        Thread filler = new Thread(() -> {
            for (int i = 0; i < 200_000; i++) {
                list.add(i);
                if (list.size() > 50) {
                    list.clear();
                }
            }
        });
        filler.start();
        while (filler.isAlive()) {
            assertThat(Fingerprint.of(list).shape()).isIn(Fingerprint.Shape.COLLECTION, Fingerprint.Shape.UNKNOWN);
        }
        filler.join();
    }

    @Test
    void aConcurrentMapBeingFilledIsFingerprintedWithoutFailing() throws Exception {
        Map<Integer, Integer> map = new ConcurrentHashMap<>();
        Thread filler = new Thread(() -> {
            for (int i = 0; i < 100_000; i++) {
                map.put(i, i);
            }
        });
        filler.start();
        for (int i = 0; i < 200; i++) {
            assertThat(Fingerprint.of(map).shape()).isEqualTo(Fingerprint.Shape.MAP);
        }
        filler.join();
    }

    static final class Settings {
        int timeout = 30;
        List<String> tags = new ArrayList<>(List.of("fast"));
        Nested nested = new Nested();

        static final class Nested {
            String value = "shallow";
            Inner inner;
        }

        static final class Inner {
            String value = "deep";
        }
    }

    static final class Stateless {
        static int calls; // static fields are not the object's
    }

    enum Plain { A }

    /** Every method a careless fingerprint could call counts. */
    static final class Hostile {
        static final AtomicInteger calls = new AtomicInteger();
        int state = 1;

        @Override
        public int hashCode() {
            calls.incrementAndGet();
            return 1;
        }

        @Override
        public boolean equals(Object other) {
            calls.incrementAndGet();
            return false;
        }

        @Override
        public String toString() {
            calls.incrementAndGet();
            return "hostile";
        }
    }

    /** A user's list: its own methods count when called. */
    static final class CountingList extends ArrayList<String> {
        static final AtomicInteger calls = new AtomicInteger();

        @Override
        public int size() {
            calls.incrementAndGet();
            return super.size();
        }

        @Override
        public java.util.Iterator<String> iterator() {
            calls.incrementAndGet();
            return super.iterator();
        }
    }
}
