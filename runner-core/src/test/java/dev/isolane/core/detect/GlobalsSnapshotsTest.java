package dev.isolane.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.isolane.core.model.ClassState;
import dev.isolane.core.model.StateAccess;
import dev.isolane.core.model.StateKey;
import dev.isolane.core.model.StateKind;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Snapshots alone, as in a JVM without the agent: a change is a class's only when that class ran alone. */
class GlobalsSnapshotsTest {

    private static final String PROPERTY = "isolane.test.snapshots";
    private static final StateKey KEY = new StateKey(StateKind.SYSTEM_PROPERTY, PROPERTY);

    private final GlobalsSnapshots snapshots = new GlobalsSnapshots();

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void aChangeWhileOneClassRanIsThatClassesAndLeftChanged() {
        snapshots.started("A");
        System.setProperty(PROPERTY, "on");
        ClassState state = snapshots.finished("A");
        assertThat(state.accesses()).containsExactly(new StateAccess(KEY, false, true, false, false));
        assertThat(state.unattributed()).isEmpty();
    }

    @Test
    void aChangeSeenWhileTheClassRanAloneAndPutBackBeforeItEndedIsRestored() {
        Locale saved = Locale.getDefault();
        try {
            snapshots.started("A");
            Locale.setDefault(saved.equals(Locale.GERMANY) ? Locale.FRANCE : Locale.GERMANY);
            snapshots.started("B"); // the snapshot that sees A's change while A ran alone
            Locale.setDefault(saved);
            ClassState a = snapshots.finished("A");
            ClassState b = snapshots.finished("B");
            assertThat(a.accesses()).singleElement().satisfies(access -> {
                assertThat(access.key().kind()).isEqualTo(StateKind.DEFAULT_LOCALE);
                assertThat(access.restored()).isTrue();
            });
            assertThat(b.accesses()).isEmpty();
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aChangeWhileTwoClassesRanIsNobodysAndNamesBoth() {
        snapshots.started("A");
        snapshots.started("B");
        System.setProperty(PROPERTY, "on");
        ClassState a = snapshots.finished("A");
        ClassState b = snapshots.finished("B");
        assertThat(a.accesses()).isEmpty();
        assertThat(b.accesses()).isEmpty();
        assertThat(a.unattributed()).containsExactly(new ClassState.Unattributed(KEY, 0, List.of("A", "B")));
    }

    @Test
    void twoRunsOfOneClassAtOnceAreOneClass() {
        snapshots.started("A");
        snapshots.started("A");
        System.setProperty(PROPERTY, "on");
        assertThat(snapshots.finished("A")).isNull();
        assertThat(snapshots.finished("A").accesses()).extracting(StateAccess::key).containsExactly(KEY);
        assertThat(snapshots.finished("A")).as("never started").isNull();
    }
}
