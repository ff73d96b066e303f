package dev.isolane.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunOrderTest {

    @Test
    void surefireNamesInAnyCaseAndTheFirstOfAList() {
        assertThat(RunOrder.parse("runOrder", "ReverseAlphabetical", null).kind())
                .isEqualTo(RunOrder.Kind.REVERSE_ALPHABETICAL);
        assertThat(RunOrder.parse("runOrder", "failedfirst,alphabetical", null).kind())
                .isEqualTo(RunOrder.Kind.FAILED_FIRST);
        assertThat(RunOrder.parse("runOrder", " ", null)).isEqualTo(RunOrder.DEFAULT);
        assertThat(RunOrder.parse("runOrder", null, 7L)).isEqualTo(RunOrder.DEFAULT);
    }

    @Test
    void everyNameOfAListMustBeKnown() {
        assertThatThrownBy(() -> RunOrder.parse("runOrder", "alphabetical,sideways", null))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("Invalid value for parameter 'runOrder': 'alphabetical,sideways'. Use one of: alphabetical,"
                        + " reversealphabetical, random, hourly, failedfirst, balanced, filesystem; leave it unset for"
                        + " Isolane's default, the longest classes first.");
    }

    @Test
    void randomKeepsAGivenSeedPicksOneOtherwiseAndSaysHowToReplayIt() {
        RunOrder seeded = RunOrder.parse("runOrder", "random", 42L);
        assertThat(seeded.seed()).isEqualTo(42);
        assertThat(seeded.replayHint("surefire.runOrder.random.seed")).isEqualTo("Tests will run in random order. To"
                + " reproduce ordering use flag -Dsurefire.runOrder.random.seed=42");
        RunOrder picked = RunOrder.parse("runOrder", "random", null);
        assertThat(picked.replayHint("failsafe.runOrder.random.seed")).endsWith("=" + picked.seed());
        assertThat(RunOrder.parse("runOrder", "alphabetical", 42L).seed()).as("only random has a seed").isZero();
        assertThat(RunOrder.parse("runOrder", "alphabetical", 42L).replayHint("x")).isEmpty();
    }

    @Test
    void hourlyIsAlphabeticalInEvenHoursAndReverseInOddOnes() {
        RunOrder hourly = RunOrder.parse("runOrder", "hourly", null);
        assertThat(hourly.at(14).kind()).isEqualTo(RunOrder.Kind.ALPHABETICAL);
        assertThat(hourly.at(15).kind()).isEqualTo(RunOrder.Kind.REVERSE_ALPHABETICAL);
        assertThat(RunOrder.DEFAULT.at(15)).isEqualTo(RunOrder.DEFAULT);
    }

    @Test
    void jupiterOrderersAsSurefire36SetsThem() {
        assertThat(RunOrder.parse("runOrder", "alphabetical", null).jupiterDefaults()).containsOnly(
                org.assertj.core.api.Assertions.entry(RunOrder.METHOD_ORDER,
                        "org.junit.jupiter.api.MethodOrderer$MethodName"),
                org.assertj.core.api.Assertions.entry(RunOrder.CLASS_ORDER,
                        "org.junit.jupiter.api.ClassOrderer$ClassName"));
        assertThat(RunOrder.parse("runOrder", "random", 9L).jupiterDefaults())
                .containsEntry(RunOrder.METHOD_ORDER, "org.junit.jupiter.api.MethodOrderer$Random")
                .containsEntry(RunOrder.RANDOM_SEED, "9");
        assertThat(RunOrder.parse("runOrder", "reversealphabetical", null).jupiterDefaults())
                .containsEntry(RunOrder.METHOD_ORDER, "dev.isolane.core.worker.ReverseOrder$Methods");
        assertThat(RunOrder.parse("runOrder", "balanced", null).jupiterDefaults()).isEmpty();
        assertThat(RunOrder.DEFAULT.jupiterDefaults()).isEmpty();
    }

    @Test
    void theReverseOrderersNamedAreTheWorkersOwn() throws Exception {
        assertThat(Class.forName(RunOrder.REVERSE_METHOD_ORDER)).isAssignableTo(org.junit.jupiter.api.MethodOrderer.class);
        assertThat(Class.forName(RunOrder.REVERSE_CLASS_ORDER)).isAssignableTo(org.junit.jupiter.api.ClassOrderer.class);
    }
}
