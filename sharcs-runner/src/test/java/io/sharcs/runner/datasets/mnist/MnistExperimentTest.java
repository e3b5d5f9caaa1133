package io.sharcs.runner.datasets.mnist;

import static org.assertj.core.api.Assertions.assertThat;

import io.sharcs.api.DataWrites;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.modality.graph.GraphSample;
import io.sharcs.runner.Fixtures;
import io.sharcs.runner.config.ConfigOverrides;
import io.sharcs.runner.config.Experiment;
import io.sharcs.runner.config.ExperimentLoader;
import io.sharcs.runner.datasets.TestReaders;
import io.sharcs.runner.plugins.PluginCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke experiment: an experiment file naming {@code mnist-superpixels} binds through the
 * discovered plugins and data sets (defaults merged into the nested options), and its provider
 * loads {@code ../shared/data/mnist-10k} (skipped when absent) with the graph plugin's own reader.
 */
class MnistExperimentTest {

  @TempDir Path dir;

  @Test
  void anExperimentFileLoadsTheDataSetThroughTheRegistry() {
    Path mnist = MnistTestData.shared("mnist-10k", "images-idx3-ubyte.gz");
    Path file = Fixtures.write(dir, "mnist.yaml", """
        name: mnist-smoke
        seed: 0
        mode: sharcs
        protocol: reference
        dataset:
          type: mnist-superpixels
          root: %s
          digits: 300
          superpixels: {segments: 60}
          cache: cache
        modalities:
          - {name: graph, plugin: graph, encoder: {architecture: spline}}
          - {name: image, plugin: image, encoder: {architecture: reference}}
        """.formatted(mnist));
    Experiment e = new ExperimentLoader(Fixtures.registry(PluginCatalog.discover()))
        .load(file, "mnist.yaml", ConfigOverrides.none());
    assertThat(e.dataset().provider()).isInstanceOf(MnistSuperpixelsProvider.class);
    assertThat(e.dataset().config()).isEqualTo(new MnistConfig(mnist.toString(), null, null, 300,
        0.8, new SuperpixelOptions(60, 0.35, 10, "adjacency", 8), "cache"));

    // The graphs through the graph plugin's reader; the images as trees (the image plugin's
    // inline rasters come with the image reader of issue 17).
    ModalityReaders graph = TestReaders.real();
    ModalityReaders readers = (modality, value, where) -> modality.equals("graph")
        ? graph.read(modality, value, where) : MnistTestData.image(value);
    List<String> progress = new ArrayList<>();
    MultimodalDataset data = e.dataset().provider().load(e.dataset().config(),
        new DatasetContext(e.seed(), dir, "mnist.yaml", readers, DataWrites.inside(dir),
            progress::add, e.protocol().id()));
    assertThat(data.train()).hasSize(240);
    assertThat(data.test()).hasSize(60);
    GraphSample g = (GraphSample) data.train().get(0).input("graph").orElseThrow();
    assertThat(g.nodeFeatures().length).isBetween(50, 70);
    assertThat(progress).singleElement().asString().contains("; cached in "
        + dir.resolve("cache"));
  }

  @Test
  void edgeOptionsBindWithTheOtherSuperpixelDefaults() {
    Path file = Fixtures.write(dir, "knn.yaml", """
        name: mnist-knn
        seed: 0
        mode: sharcs
        dataset:
          type: half-mnist
          root: data
          superpixels: {edges: KNN, neighbours: 6}
        modalities:
          - {name: graph, plugin: graph, encoder: {architecture: spline}}
          - {name: image, plugin: image, encoder: {architecture: reference}}
        """);
    Experiment e = new ExperimentLoader(Fixtures.registry(PluginCatalog.discover()))
        .load(file, "knn.yaml", ConfigOverrides.none());
    assertThat(((MnistConfig) e.dataset().config()).superpixels())
        .isEqualTo(new SuperpixelOptions(75, 0.35, 10, "knn", 6));
  }
}
