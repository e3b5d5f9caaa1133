package io.sharcs.runner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency direction of the modules: api &lt;- core, modalities; api, core &lt;- runner. */
@AnalyzeClasses(packages = "io.sharcs", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modalitiesDependOnlyOnTheApi =
      noClasses().that().resideInAPackage("io.sharcs.modality..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.core..", "io.sharcs.runner..");

  /** A modality plugin never reaches into another: each ships in its own jar. */
  @ArchTest
  static final ArchRule modalitiesDoNotDependOnEachOther =
      slices().matching("io.sharcs.modality.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule coreKnowsNoModalityAndNoRunner =
      noClasses().that().resideInAPackage("io.sharcs.core..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.modality..", "io.sharcs.runner..");

  /** The runner's packages (cli, config, plugins, run, sweep, the data sets) form no cycle. */
  @ArchTest
  static final ArchRule runnerPackagesAreFreeOfCycles =
      slices().matching("io.sharcs.runner.(*)..").should().beFreeOfCycles();

  /** The runner reaches the plugins only through the api: they are runtime dependencies. */
  @ArchTest
  static final ArchRule runnerKnowsNoModality =
      noClasses().that().resideInAPackage("io.sharcs.runner..")
          .should().dependOnClassesThat().resideInAPackage("io.sharcs.modality..");

  /**
   * The built-in data sets are plain providers: they use the api only (no core, no CLI, no
   * configuration or run machinery), as a third-party data set in its own jar would.
   */
  @ArchTest
  static final ArchRule dataSetsUseOnlyTheApi =
      noClasses().that().resideInAPackage("io.sharcs.runner.datasets..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.core..", "io.sharcs.runner.cli..",
              "io.sharcs.runner.config..", "io.sharcs.runner.plugins..", "io.sharcs.runner.run..",
              "io.sharcs.runner.sweep..");

  @ArchTest
  static final ArchRule apiDependsOnNothingOfSharcs =
      noClasses().that().resideInAPackage("io.sharcs.api..")
          .should().dependOnClassesThat()
          .resideInAnyPackage("io.sharcs.core..", "io.sharcs.modality..", "io.sharcs.runner..");

  /** The rules above must see every module, or they would pass on nothing. */
  @org.junit.jupiter.api.Test
  void everyModuleIsImported() {
    com.tngtech.archunit.core.domain.JavaClasses classes =
        new com.tngtech.archunit.core.importer.ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.sharcs");
    org.assertj.core.api.Assertions.assertThat(classes.contain("io.sharcs.api.ModalityPlugin")).isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.contain("io.sharcs.core.pipeline.Pipelines")).isTrue();
    org.assertj.core.api.Assertions.assertThat(
        classes.contain("io.sharcs.modality.graph.GraphPlugin")).isTrue();
    org.assertj.core.api.Assertions.assertThat(
        classes.contain("io.sharcs.modality.tabular.TabularPlugin")).isTrue();
    org.assertj.core.api.Assertions.assertThat(
        classes.contain("io.sharcs.modality.image.ImagePlugin")).isTrue();
    org.assertj.core.api.Assertions.assertThat(
        classes.contain("io.sharcs.modality.text.TextPlugin")).isTrue();
    org.assertj.core.api.Assertions.assertThat(
        classes.contain("io.sharcs.runner.cli.SharcsCli")).isTrue();
  }
}
