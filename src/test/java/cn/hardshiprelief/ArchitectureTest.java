package cn.hardshiprelief;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.lang.ArchRule;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature, with the engine kept to a few thin places (so a move to a Camunda fork stays cheap). */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.hardshiprelief");

    @Test
    void theApplicationFollowsItsArchitecture() {
        assertThat(CLASSES).hasSizeGreaterThan(50);
        featuresDoNotDependOnEachOtherInCycles.check(CLASSES);
    }

    @Test
    void noPackageDependsOnAnotherInACycleAtAnyDepth() {
        packagesAreFreeOfCyclesAtAnyDepth.check(CLASSES);
    }

    @Test
    void featuresReachTheEngineThroughTheirPortsNeverThroughAProcessPackage() {
        onlyProcessPackagesKnowProcessPackages.check(CLASSES);
    }

    @Test
    void onlyTheEngineFacadesImportCamunda() {
        onlyTheEngineFacadesTalkToCamunda.check(CLASSES);
    }

    @Test
    void theDomainDoesNotDependOnTheWebLayer() {
        theDomainDoesNotKnowTheWeb.check(CLASSES);
    }

    @Test
    void theSharedVocabularyDependsOnNoFeature() {
        theVocabularyStandsAlone.check(CLASSES);
    }

    @Test
    void controllersDoNotUseRepositories() {
        entitiesAreNotBoundFromRequests.check(CLASSES);
    }

    static final ArchRule featuresDoNotDependOnEachOtherInCycles =
            slices().matching("cn.hardshiprelief.(*)..").should().beFreeOfCycles();

    /** Every package counts on its own: a feature and a process home ({@code process.*}) may not import each other. */
    static final ArchRule packagesAreFreeOfCyclesAtAnyDepth =
            slices().matching("cn.hardshiprelief.(**)").should().beFreeOfCycles();

    /**
     * A feature talks to its process through a port of its own (AidProcess, CampaignProcess, EnrollmentProcess,
     * FollowUpProcess, NoticeProcess) and the ids the BPMN names that its pages need; the process's home
     * ({@code process.enrollment}, {@code process.aid}, ...) implements the port and calls the feature, never the
     * other way round.
     */
    static final ArchRule onlyProcessPackagesKnowProcessPackages = noClasses()
            .that().resideOutsideOfPackage("cn.hardshiprelief..process..")
            .should().dependOnClassesThat().resideInAPackage("cn.hardshiprelief..process..")
            .because("features reach the engine through their ports; the process adapters depend on the features");

    static final ArchRule onlyTheEngineFacadesTalkToCamunda = noClasses()
            .that().resideOutsideOfPackages("cn.hardshiprelief.task..", "cn.hardshiprelief..process..",
                    "cn.hardshiprelief.security.camunda..", "cn.hardshiprelief.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("Camunda API calls stay in delegates, listeners and the task facade");

    static final ArchRule theDomainDoesNotKnowTheWeb = noClasses()
            .that().resideInAnyPackage("cn.hardshiprelief.organization..", "cn.hardshiprelief.person..",
                    "cn.hardshiprelief.shared..", "cn.hardshiprelief.task..", "cn.hardshiprelief.vocabulary..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    /** The words every feature shares (causes, tiers, relations, ...): they import no feature, so any may use them. */
    static final ArchRule theVocabularyStandsAlone = noClasses()
            .that().resideInAPackage("cn.hardshiprelief.vocabulary..")
            .should().dependOnClassesThat(resideInAPackage("cn.hardshiprelief..")
                    .and(not(resideInAnyPackage("cn.hardshiprelief.vocabulary..", "cn.hardshiprelief.shared.."))))
            .because("the vocabulary is below every feature");

    static final ArchRule entitiesAreNotBoundFromRequests = noClasses()
            .that().areAnnotatedWith(org.springframework.stereotype.Controller.class)
            .or().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
            .because("controllers call services; repositories stay behind them");
}
