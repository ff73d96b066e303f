package dev.isolane.core.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.isolane.core.model.Lane;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launch contract both ends share: what the coordinator writes, the worker reads back unchanged. */
class WorkerArgumentsTest {

    @Test
    void argumentsSurviveTheCommandLine() {
        WorkerArguments arguments = new WorkerArguments(4711, "shared-2", Lane.SHARED, 8, 99L);
        assertThat(WorkerArguments.parse(arguments.toList().toArray(String[]::new))).isEqualTo(arguments);
    }

    @Test
    void aHandStartedWorkerIsToldHowWorkersAreStarted() {
        assertThatThrownBy(() -> WorkerArguments.parse(new String[] {"1", "x"}))
                .hasMessageContaining("started by the Isolane coordinator");
        assertThatThrownBy(() -> WorkerArguments.parse(new String[] {"1", "x", "sideways", "1", "2"}))
                .hasMessageContaining("<shared|isolated>");
        assertThatThrownBy(() -> WorkerEnvironment.read(Map.of()))
                .hasMessageContaining("ISOLANE_SECRET");
    }

    @Test
    void theCommandCarriesTheMainClassTheArgumentsAndTheEnvironment() {
        WorkerCommand command = new WorkerCommand(Path.of("/jdk/bin/java"), List.of("@/run/worker-1.args"),
                new WorkerArguments(4711, "isolated-3", Lane.ISOLATED, 1, 99L),
                new WorkerEnvironment("s3cret", Path.of("/run/isolated-3")), Map.of("USER_VAR", "v"),
                Path.of("/project"));

        assertThat(command.commandLine()).containsExactly("/jdk/bin/java", "@/run/worker-1.args",
                WorkerArguments.MAIN_CLASS, "4711", "isolated-3", "isolated", "1", "99");
        ProcessBuilder builder = command.processBuilder();
        assertThat(builder.directory()).isEqualTo(Path.of("/project").toFile());
        assertThat(WorkerEnvironment.read(builder.environment()))
                .isEqualTo(new WorkerEnvironment("s3cret", Path.of("/run/isolated-3")));
        assertThat(builder.environment()).containsEntry("USER_VAR", "v");
    }

    @Test
    void excludedVariablesLeaveTheInheritedAndTheUsersOwnButNeverTheWorkersOwn() {
        WorkerCommand command = new WorkerCommand(Path.of("/jdk/bin/java"), List.of(),
                new WorkerArguments(4711, "shared-1", Lane.SHARED, 1, 99L),
                new WorkerEnvironment("s3cret", null), Map.of("USER_VAR", "v", "KEPT", "k"), Path.of("/project"));
        String inherited = System.getenv().keySet().stream().filter(name -> !name.startsWith("ISOLANE_")).findFirst()
                .orElseThrow();

        ProcessBuilder builder = command.processBuilder(List.of("USER_VAR", inherited, WorkerEnvironment.SECRET_VARIABLE));

        assertThat(builder.environment()).doesNotContainKeys("USER_VAR", inherited).containsEntry("KEPT", "k")
                .containsEntry(WorkerEnvironment.SECRET_VARIABLE, "s3cret");
        assertThat(command.processBuilder().environment()).containsKey(inherited);
    }

    @Test
    void exitCodesAboveOneHundredTwentyEightAreSignals() {
        assertThat(WorkerProcesses.describeExit(137)).isEqualTo("was killed by signal 9 (exit code 137)");
        assertThat(WorkerProcesses.describeExit(1)).isEqualTo("exited with code 1");
    }
}
