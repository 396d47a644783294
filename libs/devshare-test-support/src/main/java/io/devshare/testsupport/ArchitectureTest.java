package io.devshare.testsupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The house's layers, checked on a service's production classes (CONTRIBUTING.md, "Layers"). Inside a service
 * the arrows point one way: {@code rest → service → repository}, {@code messaging → service}, and the domain
 * types of the service's root package at the bottom. A service's test extends this class and names its root
 * package, e.g. {@code class LayersTest extends ArchitectureTest { LayersTest() { super("io.devshare.sharing"); } }}.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>nothing but {@code rest} itself depends on {@code rest}, nothing but {@code messaging} on
 *       {@code messaging}: they are the two entry layers, and neither uses the other;
 *   <li>{@code repository}, {@code events} and the domain do not depend on {@code service};
 *   <li>{@code events} (the records and types a service publishes through its outbox or reads from Kafka) is
 *       plain data: it depends on no layer, so the service can publish and consumers can read without an arrow
 *       pointing up;
 *   <li>the domain (classes directly in the root package) depends on no sub-package of the service;
 *   <li>the sub-packages of a service are free of cycles;
 *   <li>a service uses no other service's packages, only {@code io.devshare.common}.
 * </ul>
 *
 * <p>{@code rest} and {@code messaging} may read {@code repository} directly (query projections, consumers
 * updating a local copy); everything that decides goes through {@code service}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ArchitectureTest {

    private final String root;
    private JavaClasses classes;

    protected ArchitectureTest(String rootPackage) {
        this.root = rootPackage;
    }

    @BeforeAll
    void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(root);
    }

    @Test
    void onlyRestUsesRest() {
        noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".rest..")
                .because("rest is an entry layer: it calls the service, never the other way round")
                .check(classes);
    }

    @Test
    void onlyMessagingUsesMessaging() {
        noClasses()
                .that()
                .resideInAPackage(root + "..")
                .and()
                .resideOutsideOfPackage(root + ".messaging..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".messaging..")
                .because("messaging is an entry layer: consumers call the service; what the service publishes"
                        + " lives in the service or below")
                .check(classes);
    }

    @Test
    void repositoryAndDomainDoNotUseTheService() {
        noClasses()
                .that()
                .resideInAnyPackage(root + ".repository..", root + ".events..", root)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".service..")
                .because("the service uses repositories and domain types, not the other way round")
                .check(classes);
    }

    @Test
    void domainIsAtTheBottom() {
        noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(root + ".*..")
                .because("the domain types of the root package are used by every layer and use none")
                .check(classes);
    }

    @Test
    void eventsAreVocabulary() {
        noClasses()
                .that()
                .resideInAPackage(root + ".events..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        root + ".rest..", root + ".messaging..", root + ".service..", root + ".repository..")
                .because("the events package holds the event records and types the service publishes and reads:"
                        + " plain data every layer may use, using none")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void usesNoOtherService() {
        noClasses()
                .that()
                .resideInAPackage(root + "..")
                .should()
                .dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.devshare..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages(root + "..", "io.devshare.common..")))
                .because("services share only io.devshare.common; they talk over HTTP and Kafka")
                .check(classes);
    }
}
