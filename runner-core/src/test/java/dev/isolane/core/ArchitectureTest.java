package dev.isolane.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The design rules of docs/design.md (the package map is in docs/internals.md), checked on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importClasses() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.isolane.core");
    }

    @Test
    void coreKnowsNothingOfMaven() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.eclipse.aether..")
                .check(core);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.isolane.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void theCoordinatorSideNeverTouchesJunitAndTheWorkerNeverTouchesTheCoordinator() {
        noClasses().that().resideInAnyPackage("dev.isolane.core.coordinator..", "dev.isolane.core.report..",
                        "dev.isolane.core.select..", "dev.isolane.core.protocol..", "dev.isolane.core.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..")
                .because("the Maven JVM must never load test classes or the user's JUnit")
                .check(core);
        noClasses().that().resideInAPackage("dev.isolane.core.worker..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.isolane.core.coordinator..",
                        "dev.isolane.core.report..")
                .check(core);
    }

    @Test
    void onlyTheConsoleLogAndTheWorkersOwnStreamsTouchTheRealConsole() {
        noClasses().that().haveNameNotMatching(
                        "dev\\.isolane\\.core\\.(RunLog.*|worker\\.WorkerMain|worker\\.OutputCapture"
                                + "|detect\\.JvmGlobals|warmup\\..*)") // JvmGlobals compares the streams' identities;
                // the warm-up suites print as a user's test does, so that the archive holds the capture's path
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("test output is captured per class; the runner's own messages go through RunLog")
                .check(core);
    }
}
