package dev.isolane.junit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the junit-extension may use of runner-core (docs/design.md): the launch contract and the protocol, never the
 * coordinator.
 */
class ArchitectureTest {

    private static JavaClasses extension;

    @BeforeAll
    static void importClasses() {
        extension = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.isolane.junit");
    }

    @Test
    void itForksThroughTheLaunchContractAndTheProtocolOnly() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.isolane.core..").and(not(resideInAnyPackage(
                        "dev.isolane.core", "dev.isolane.core.launch..", "dev.isolane.core.protocol..",
                        "dev.isolane.core.model..", "dev.isolane.core.detect..", "dev.isolane.core.violation.."))))
                .because("an IDE run forks like the plugin does, through core.launch and core.protocol; plain"
                        + " launches report violations with core.detect and core.violation; nothing else of"
                        + " runner-core is the extension's business")
                .check(extension);
    }

    @Test
    void itNeverReachesIntoTheCoordinatorOrTheWorker() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.isolane.core.coordinator..",
                        "dev.isolane.core.worker..", "dev.isolane.core.run..", "dev.isolane.core.plan..",
                        "dev.isolane.core.report..", "dev.isolane.core.history..")
                .check(extension);
    }

    @Test
    void everyPublicTypeSaysWhetherItIsApiOrInternal() {
        classes().that().arePublic().and().areTopLevelClasses().should().beAnnotatedWith(API.class)
                .check(extension);
    }
}
