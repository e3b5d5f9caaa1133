package io.sharcs.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core's layers: config &lt;- data &lt;- model &lt;- train, eval (&lt;- analysis) &lt;- saved &lt;- explain &lt;-
 * pipeline (train and eval side by side: evaluation needs no training code), with no cycle
 * between packages and nothing of the runner or the plugins.
 */
@AnalyzeClasses(packages = "io.sharcs.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("io.sharcs.core.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Config").definedBy("io.sharcs.core.config..")
          .layer("Data").definedBy("io.sharcs.core.data..")
          .layer("Model").definedBy("io.sharcs.core.model..")
          .layer("Train").definedBy("io.sharcs.core.train..")
          .layer("Eval").definedBy("io.sharcs.core.eval..")
          .layer("Analysis").definedBy("io.sharcs.core.analysis..")
          .layer("Saved").definedBy("io.sharcs.core.saved..")
          .layer("Explain").definedBy("io.sharcs.core.explain..")
          .layer("Pipeline").definedBy("io.sharcs.core.pipeline..")
          .whereLayer("Pipeline").mayNotBeAccessedByAnyLayer()
          .whereLayer("Explain").mayOnlyBeAccessedByLayers("Pipeline")
          .whereLayer("Saved").mayOnlyBeAccessedByLayers("Explain", "Pipeline")
          .whereLayer("Eval").mayOnlyBeAccessedByLayers("Saved", "Explain", "Pipeline")
          .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Eval", "Explain", "Pipeline")
          .whereLayer("Train").mayOnlyBeAccessedByLayers("Pipeline")
          .whereLayer("Model")
          .mayOnlyBeAccessedByLayers("Train", "Eval", "Saved", "Explain", "Pipeline")
          .whereLayer("Data")
          .mayOnlyBeAccessedByLayers("Model", "Train", "Eval", "Saved", "Explain", "Pipeline");

  /** Analysis works on plain arrays: it knows no other core package (package-info of eval). */
  @ArchTest
  static final ArchRule analysisStandsAlone =
      noClasses().that().resideInAPackage("io.sharcs.core.analysis..")
          .should().dependOnClassesThat()
          .resideInAnyPackage(
              "io.sharcs.core.config..", "io.sharcs.core.data..", "io.sharcs.core.model..",
              "io.sharcs.core.train..", "io.sharcs.core.eval..", "io.sharcs.core.saved..",
              "io.sharcs.core.pipeline..");

  /** Nothing hides in the root package, where no slice or layer rule would see it. */
  @ArchTest
  static final ArchRule nothingInTheRootPackage =
      classes().that().resideInAPackage("io.sharcs.core..")
          .should().resideOutsideOfPackage("io.sharcs.core");

  @ArchTest
  static final ArchRule coreKnowsNoRunner =
      noClasses().that().resideInAPackage("io.sharcs.core..")
          .should().dependOnClassesThat().resideInAPackage("io.sharcs.runner..");

  @ArchTest
  static final ArchRule coreKnowsNoModality =
      noClasses().that().resideInAPackage("io.sharcs.core..")
          .should().dependOnClassesThat().resideInAPackage("io.sharcs.modality..");
}
