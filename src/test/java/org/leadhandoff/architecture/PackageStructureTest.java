package org.leadhandoff.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the application depend on each other one way: a cycle between any two (at any
 * depth) fails the build, so a capability can be read, tested and moved on its own.
 */
class PackageStructureTest {

  private static JavaClasses application;

  @BeforeAll
  static void importApplication() {
    application =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.leadhandoff");
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.leadhandoff.(**)").should().beFreeOfCycles().check(application);
  }

  @Test
  void sharedWebPlumbingKnowsNoCapability() {
    noClasses()
        .that()
        .resideInAPackage("org.leadhandoff.web..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.leadhandoff.intake..",
            "org.leadhandoff.lifecycle..",
            "org.leadhandoff.routing..",
            "org.leadhandoff.tasks..",
            "org.leadhandoff.monitoring..",
            "org.leadhandoff.security..",
            "org.leadhandoff.engine..")
        .check(application);
  }

  @Test
  void metricsAreRecordedWithoutReadingReports() {
    noClasses()
        .that()
        .resideInAPackage("org.leadhandoff.metrics..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.leadhandoff.monitoring..")
        .check(application);
  }
}
