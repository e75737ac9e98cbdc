package io.hawkbit.server;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure the code keeps as it grows: feature packages without cycles, in every module, and dependencies only
 * along the module order (update-server → rest-core and cache → repository).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        // Jars included: under `mvn verify` the other modules are on the class path as their packaged jars.
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.hawkbit");
    }

    @Test
    void repositoryFeaturePackages_areFreeOfCycles() {
        slices().matching("io.hawkbit.repository.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void restCorePackages_areFreeOfCycles() {
        slices().matching("io.hawkbit.rest.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void serverPackages_areFreeOfCycles() {
        slices().matching("io.hawkbit.server.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("io.hawkbit.server.mgmt.(*)..")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void repositoryRoot_dependsOnNoFeaturePackage() {
        // The root holds what every feature builds on (base entity, quotas, caches); only the error kernel is below it.
        noClasses()
                .that()
                .resideInAPackage("io.hawkbit.repository")
                .should()
                .dependOnClassesThat(resideInAPackage("io.hawkbit.repository.(*)..")
                        .and(not(resideInAPackage("io.hawkbit.repository.error"))))
                .check(classes);
    }

    @Test
    void repository_dependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("io.hawkbit.repository..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.hawkbit.rest..", "io.hawkbit.cache..", "io.hawkbit.server..")
                .check(classes);
    }

    @Test
    void restCoreAndCache_dependOnlyOnTheRepository() {
        noClasses()
                .that()
                .resideInAPackage("io.hawkbit.rest..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.hawkbit.server..", "io.hawkbit.cache..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("io.hawkbit.cache..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.hawkbit.server..", "io.hawkbit.rest..")
                .check(classes);
    }
}
