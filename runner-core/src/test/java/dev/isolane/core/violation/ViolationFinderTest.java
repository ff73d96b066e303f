package dev.isolane.core.violation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassOutcome;
import dev.isolane.core.model.ClassResult;
import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.Lane;
import dev.isolane.core.model.StateAccess;
import dev.isolane.core.model.StateKey;
import dev.isolane.core.model.StateKind;
import dev.isolane.core.model.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The violation rules on hand-made observations: who ran when, and what each class touched. */
class ViolationFinderTest {

    private static final StateKey FIELD = new StateKey(StateKind.STATIC_FIELD, "com.acme.Config.mode");
    private static final StateKey PROPERTY = new StateKey(StateKind.SYSTEM_PROPERTY, "acme.mode");

    private final List<ClassResult> classes = new ArrayList<>();
    private final List<ClassState> states = new ArrayList<>();

    @Test
    void aRestoredWriteThatOverlappedNoReaderIsNoViolation() {
        ran("W", 0, 100, write(FIELD, true));
        ran("R", 200, 300, read(FIELD));
        assertThat(find()).isEmpty();
    }

    @Test
    void aRestoredWriteSeenByAClassRunningAtTheSameTimeIsAConcurrentViolation() {
        ran("W", 0, 100, write(PROPERTY, true));
        ran("R", 50, 300, read(PROPERTY));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.writers()).containsExactly("W");
            assertThat(v.readers()).containsExactly("R");
            assertThat(v.concurrent()).isTrue();
            assertThat(v.restored()).isTrue();
        });
    }

    @Test
    void anUnrestoredWriteIsSeenByLaterReadersButNotEarlierOnes() {
        ran("Before", 0, 50, read(FIELD));
        ran("W", 100, 200, write(FIELD, false));
        ran("After", 300, 400, read(FIELD));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.readers()).containsExactly("After");
            assertThat(v.concurrent()).isFalse();
            assertThat(v.restored()).isFalse();
        });
    }

    @Test
    void aGlobalLeftChangedIsAViolationWithoutReaders() {
        ran("W", 0, 100, write(PROPERTY, false));
        assertThat(find()).singleElement().satisfies(v -> assertThat(v.readers()).isEmpty());
    }

    @Test
    void aTestClassesOwnStaticFieldLeftChangedCountsOnlyOnceAnotherClassReadsIt() {
        StateKey own = new StateKey(StateKind.STATIC_FIELD, "com.acme.FooTest$Server.port");
        ran("com.acme.FooTest", 0, 100, write(own, false));
        assertThat(find()).isEmpty();

        ran("com.acme.BarTest", 150, 200, read(own));
        assertThat(find()).singleElement().satisfies(v -> assertThat(v.readers()).containsExactly("com.acme.BarTest"));
    }

    @Test
    void lazyInitializationIsNoViolationUnlessItsWriterChangedAGlobal() {
        ran("A", 0, 100, lazy(FIELD));
        ran("B", 50, 150, lazy(FIELD));
        ran("C", 200, 300, read(FIELD));
        assertThat(find()).isEmpty();

        classes.clear();
        states.clear();
        ran("A", 0, 100, lazy(FIELD), write(new StateKey(StateKind.DEFAULT_LOCALE, "default Locale"), true));
        ran("C", 200, 300, read(FIELD));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.target()).isEqualTo(FIELD.target());
            assertThat(v.readers()).containsExactly("C");
            assertThat(v.restored()).isFalse();
            assertThat(v.hint()).contains("lazily set value");
        });
    }

    @Test
    void aChangeInPlaceIsAWriteThatSaysHowAndHowToFixIt() {
        StateKey registry = new StateKey(StateKind.STATIC_FIELD, "com.acme.Registry.ENTRIES");
        ran("com.acme.FillTest", 0, 100, inPlace(registry, "contents changed in place (3 -> 4 entries)", false));
        ran("com.acme.LookupTest", 200, 300, read(registry));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.writers()).containsExactly("com.acme.FillTest");
            assertThat(v.readers()).containsExactly("com.acme.LookupTest");
            assertThat(v.restored()).isFalse();
            assertThat(v.inPlace()).isEqualTo("contents changed in place (3 -> 4 entries)");
            assertThat(v.hint()).isEqualTo("annotate FillTest with @IsolatedProcess, or put the contents of"
                    + " Registry.ENTRIES back in @AfterEach/@AfterAll (undo what the class changed, or save a copy"
                    + " first and restore it)");
        });
    }

    @Test
    void aSingletonsFieldsChangedInPlaceGetAHintAboutFields() {
        StateKey singleton = new StateKey(StateKind.STATIC_FIELD, "com.acme.Settings.INSTANCE");
        ran("com.acme.TuneTest", 0, 100, inPlace(singleton, "fields changed in place (timeout)", false));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.readers()).isEmpty();
            assertThat(v.hint()).contains("set the fields of Settings.INSTANCE it changed back");
        });
    }

    @Test
    void aCacheFilledOnAMissIsNoViolationUnlessItsFillerChangedAGlobal() {
        StateKey cache = new StateKey(StateKind.STATIC_FIELD, "com.acme.Names.CACHE");
        ran("A", 0, 100, inPlace(cache, "contents changed in place (0 -> 1 entries)", true));
        ran("B", 200, 300, read(cache));
        assertThat(find()).isEmpty();

        classes.clear();
        states.clear();
        ran("A", 0, 100, inPlace(cache, "contents changed in place (0 -> 1 entries)", true),
                write(new StateKey(StateKind.DEFAULT_LOCALE, "default Locale"), false));
        ran("B", 200, 300, read(cache));
        assertThat(find()).filteredOn(v -> v.target().equals(cache.target())).singleElement()
                .satisfies(v -> assertThat(v.hint()).startsWith("A filled the cache in Names.CACHE"));
    }

    @Test
    void aClassThatClearedACacheOthersFilledIsTheOnlyWriter() {
        StateKey cache = new StateKey(StateKind.STATIC_FIELD, "com.acme.Names.CACHE");
        ran("Filler", 0, 100, inPlace(cache, "contents changed in place (0 -> 5 entries)", true));
        ran("Clearer", 200, 300, inPlace(cache, "contents changed in place (5 -> 0 entries)", false));
        ran("Reader", 400, 500, read(cache));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.writers()).containsExactly("Clearer");
            assertThat(v.readers()).containsExactly("Reader");
            assertThat(v.inPlace()).isEqualTo("contents changed in place (5 -> 0 entries)");
        });
    }

    @Test
    void isolatedClassesNeverCount() {
        ran("W", 0, 100, write(FIELD, false));
        classes.add(new ClassResult("I", Lane.ISOLATED, 2, "", 0, 100, ClassOutcome.PASSED, List.of(), "", "", null));
        states.add(new ClassState("I", List.of(read(FIELD)), List.of()));
        assertThat(find()).singleElement().satisfies(v -> assertThat(v.readers()).isEmpty());
    }

    @Test
    void twoWritersOfACounterSeeEachOther() {
        ran("A", 0, 100, write(FIELD, false));
        ran("B", 50, 150, write(FIELD, false));
        assertThat(find()).singleElement().satisfies(v -> {
            assertThat(v.writers()).containsExactly("A", "B");
            assertThat(v.readers()).containsExactly("A", "B");
            assertThat(v.hint()).startsWith("annotate A and B with @IsolatedProcess");
        });
    }

    @Test
    void unattributedAccessesBecomeOneNote() {
        ran("A", 0, 100);
        states.add(new ClassState("A", List.of(), List.of(new ClassState.Unattributed(FIELD, 3, List.of()),
                new ClassState.Unattributed(PROPERTY, 0, List.of("A", "B")))));
        assertThat(ViolationFinder.find(classes, states).notes()).containsExactly(
                "Not attributed: system-property acme.mode changed while A, B ran, and none of them was seen"
                        + " changing it; Isolane cannot tell which class did it.",
                "Not attributed: 3 accesses to 1 piece of state from threads that worked for no running test class"
                        + " (threads that outlived their class, or that no test started): static-field"
                        + " com.acme.Config.mode (3)");
    }

    @Test
    void classesOfOneJvmAreJudgedByTheirSpansOnAnyClock() {
        List<ViolationFinder.Span> spans = List.of(new ViolationFinder.Span("A", 1, 4),
                new ViolationFinder.Span("B", 2, 3), new ViolationFinder.Span("C", 5, 6));
        List<ClassState> observed = List.of(new ClassState("A", List.of(write(PROPERTY, false)), List.of()),
                new ClassState("B", List.of(write(PROPERTY, true)), List.of()),
                new ClassState("C", List.of(write(FIELD, true)), List.of()));
        assertThat(ViolationFinder.findAmong(spans, observed).violations()).singleElement().satisfies(v -> {
            assertThat(v.target()).isEqualTo(PROPERTY.target());
            assertThat(v.writers()).containsExactly("A", "B");
            assertThat(v.concurrent()).isTrue();
            assertThat(v.restored()).isFalse();
        });
    }

    private List<Violation> find() {
        return ViolationFinder.find(classes, states).violations();
    }

    private void ran(String name, long start, long end, StateAccess... accesses) {
        classes.add(new ClassResult(name, Lane.SHARED, 1, "t", start, end, ClassOutcome.PASSED, List.of(), "", "",
                null));
        states.add(new ClassState(name, List.of(accesses), List.of()));
    }

    private static StateAccess read(StateKey key) {
        return new StateAccess(key, true, false, false, false);
    }

    private static StateAccess write(StateKey key, boolean restored) {
        return new StateAccess(key, false, true, restored, false);
    }

    private static StateAccess inPlace(StateKey key, String how, boolean lazyFill) {
        return new StateAccess(key, false, true, false, lazyFill, how);
    }

    private static StateAccess lazy(StateKey key) {
        return new StateAccess(key, false, true, false, true);
    }
}
