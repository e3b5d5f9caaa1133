package io.sharcs.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency direction of the modules: api &lt;- core, modalities &lt;- runner. */
@AnalyzeClasses(packages = "io.sharcs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modalitiesDependOnlyOnTheApi =
      noClasses().that().resideInAPackage("io.sharcs.modality..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.core..", "io.sharcs.runner..");

  @ArchTest
  static final ArchRule graphDoesNotDependOnTabular =
      noClasses().that().resideInAPackage("io.sharcs.modality.graph..")
          .should().dependOnClassesThat().resideInAPackage("io.sharcs.modality.tabular..");

  @ArchTest
  static final ArchRule tabularDoesNotDependOnGraph =
      noClasses().that().resideInAPackage("io.sharcs.modality.tabular..")
          .should().dependOnClassesThat().resideInAPackage("io.sharcs.modality.graph..");

  @ArchTest
  static final ArchRule coreKnowsNoModalityAndNoRunner =
      noClasses().that().resideInAPackage("io.sharcs.core..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.modality..", "io.sharcs.runner..");

  @ArchTest
  static final ArchRule apiDependsOnNothingOfSharcs =
      noClasses().that().resideInAPackage("io.sharcs.api..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.core..", "io.sharcs.modality..", "io.sharcs.runner..");
}
