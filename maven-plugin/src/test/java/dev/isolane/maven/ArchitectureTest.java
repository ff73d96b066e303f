package dev.isolane.maven;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugin is a thin mapping onto runner-core's API (docs/design.md): it uses the API types, not the machine. */
class ArchitectureTest {

    private static JavaClasses plugin;

    @BeforeAll
    static void importClasses() {
        plugin = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.isolane.maven");
    }

    @Test
    void itUsesOnlyRunnerCoresApiAndTheViolationsText() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.isolane.core..").and(not(resideInAnyPackage(
                        "dev.isolane.core", "dev.isolane.core.run..", "dev.isolane.core.select..",
                        "dev.isolane.core.model..", "dev.isolane.core.violation.."))))
                .because("the Mojo maps parameters onto a RunConfig, calls Isolane.run and decides the build on the"
                        + " RunReport; the coordinator, workers and protocol are runner-core's own business")
                .check(plugin);
    }

    @Test
    void itNeverLoadsJunitOrTheExtension() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "dev.isolane.junit..")
                .because("the Maven JVM never loads test classes or the user's JUnit")
                .check(plugin);
    }
}
