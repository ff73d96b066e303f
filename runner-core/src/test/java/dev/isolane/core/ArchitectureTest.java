package dev.isolane.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.FileDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The design rules of docs/design.md (the package map is in docs/internals.md), checked on the compiled classes. */
class ArchitectureTest {

    /** The Maven JVM's side of a run: it plans, coordinates and reports, and never loads a test class. */
    static final String[] COORDINATOR_SIDE = {"dev.isolane.core", "dev.isolane.core.coordinator..",
            "dev.isolane.core.plan..", "dev.isolane.core.run..", "dev.isolane.core.report..",
            "dev.isolane.core.history..", "dev.isolane.core.violation.."};
    /** The worker JVM's side: it runs the tests, with the agent that stops exits and watches state. */
    static final String[] WORKER_SIDE = {"dev.isolane.core.worker..", "dev.isolane.core.detect..",
            "dev.isolane.core.warmup.."};
    /** What both sides may share: the launch contract, the wire protocol and its values, and pure selection. */
    static final String[] SHARED = {"dev.isolane.core.launch..", "dev.isolane.core.protocol..",
            "dev.isolane.core.model..", "dev.isolane.core.select.."};

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
    void packagesHaveNoCyclesTheRootPackageIncluded() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                String name = javaClass.getPackageName();
                if (name.equals("dev.isolane.core")) {
                    return SliceIdentifier.of("(root)");
                }
                if (!name.startsWith("dev.isolane.core.")) {
                    return SliceIdentifier.ignore();
                }
                return SliceIdentifier.of(name.substring("dev.isolane.core.".length()).split("\\.")[0]);
            }

            @Override
            public String getDescription() {
                return "the packages of runner-core, its root package being one";
            }
        }).should().beFreeOfCycles().check(core);
    }

    @Test
    void theCoordinatorSideNeverTouchesJunit() {
        noClasses().that().resideInAnyPackage(concat(COORDINATOR_SIDE, SHARED))
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..")
                .because("the Maven JVM must never load test classes or the user's JUnit")
                .check(core);
    }

    @Test
    void theTwoSidesShareOnlyTheLaunchContractTheProtocolAndPureValues() {
        noClasses().that().resideInAnyPackage(WORKER_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage(COORDINATOR_SIDE)
                .check(core);
        noClasses().that().resideInAnyPackage(COORDINATOR_SIDE)
                .should().dependOnClassesThat().resideInAnyPackage(WORKER_SIDE)
                .because("the coordinator reaches workers through dev.isolane.core.launch and .protocol only; it"
                        + " packs the agent's jar (core.agent) but never runs worker code")
                .check(core);
        noClasses().that().resideInAnyPackage(SHARED)
                .should().dependOnClassesThat().resideInAnyPackage(concat(COORDINATOR_SIDE, WORKER_SIDE))
                .check(core);
    }

    @Test
    void everyPublicTypeSaysWhetherItIsApiOrInternal() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(API.class)
                .because("all of runner-core lands on users' test classpaths through the junit-extension; @API tells"
                        + " them, and their IDE, which types they may rely on")
                .check(core);
    }

    @Test
    void theApiExposesNoInternalType() {
        classes().that(haveStatus(false)).should(exposeOnlyApiTypes()).check(core);
    }

    @Test
    void onlyTheConsoleLogAndTheWorkersOwnStreamsTouchTheRealConsole() {
        noClasses().that().haveNameNotMatching(
                        "dev\\.isolane\\.core\\.(RunLog.*|worker\\.WorkerMain|worker\\.OutputCapture"
                                + "|detect\\.JvmGlobals|warmup\\..*|coordinator\\.StatusLine.*)")
                // JvmGlobals compares the streams' identities; the warm-up suites print as a user's test does, so
                // that the archive holds the capture's path; the terminal's status line is drawn around the log
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().accessField(FileDescriptor.class, "out")
                .because("test output is captured per class; the runner's own messages go through RunLog")
                .check(core);
    }

    private static DescribedPredicate<JavaClass> haveStatus(boolean internal) {
        return DescribedPredicate.describe(internal ? "are internal" : "are API", javaClass -> status(javaClass)
                .map(status -> (status == API.Status.INTERNAL) == internal).orElse(false));
    }

    private static Optional<API.Status> status(JavaClass javaClass) {
        JavaClass top = javaClass;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.tryGetAnnotationOfType(API.class).map(API::status);
    }

    /** Public methods and constructors of an API type take and return only API types (or the JDK's). */
    private static ArchCondition<JavaClass> exposeOnlyApiTypes() {
        return new ArchCondition<>("expose no internal type in a public signature") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<JavaClass> exposed = new ArrayList<>();
                for (JavaMethod method : javaClass.getMethods()) {
                    if (method.getModifiers().contains(JavaModifier.PUBLIC)) {
                        exposed.add(method.getRawReturnType());
                        exposed.addAll(method.getRawParameterTypes());
                    }
                }
                javaClass.getConstructors().stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                        .forEach(c -> exposed.addAll(c.getRawParameterTypes()));
                for (JavaClass type : exposed) {
                    JavaClass element = type.isArray() ? type.getBaseComponentType() : type;
                    if (status(element).filter(status -> status == API.Status.INTERNAL).isPresent()) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " exposes the"
                                + " internal type " + element.getName()));
                    }
                }
            }
        };
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
