package io.sharcs.runner.datasets.xor;

import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.datasets.DatasetDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The XOR-AND-XOR benchmark ({@code dataset: {type: xor-and-xor}}), generated from the run's
 * seed.
 *
 * <p>Modalities in slot order: {@value #GRAPH}, then {@value #TABLE}. Class 1 means {@code (f1 xor
 * f2) and (f2 xor f3)}. Content keys are (six-cycle bit, four-cycle bit): {@code (f3, f2)} for the
 * graph and {@code (f1, f2)} for the table, so a graph and a table show the same content when
 * their keys are equal. Counterparts: the graph's content as a table, and the table's content as a
 * graph.
 */
public final class XorAndXorProvider implements DatasetProvider {

  /** The {@code dataset.type} of this provider and the name of its data sets. */
  public static final String ID = "xor-and-xor";

  /** The graph modality's name (slot 1). */
  public static final String GRAPH = "graph";

  /** The table modality's name (slot 2). */
  public static final String TABLE = "table";

  // Bump when the generator's output for a given seed changes, so old fingerprints stop matching.
  private static final String FORMAT = "xor-and-xor/1";

  /** Used by {@link java.util.ServiceLoader}. */
  public XorAndXorProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "XOR-AND-XOR: 10-node graph and 6-bit table; label (f1 xor f2) and (f2 xor f3)";
  }

  @Override
  public Class<XorAndXorConfig> configType() {
    return XorAndXorConfig.class;
  }

  @Override
  public XorAndXorConfig defaultConfig() {
    return XorAndXorConfig.DEFAULTS;
  }

  /** {@value #GRAPH} and {@value #TABLE}, whatever the options. */
  @Override
  public Optional<List<String>> modalities(DatasetConfig config) {
    return Optional.of(List.of(GRAPH, TABLE));
  }

  /** The graph is for the {@code graph} plugin, the table for {@code tabular}. */
  @Override
  public Map<String, String> plugins(DatasetConfig config) {
    return Map.of(GRAPH, "graph", TABLE, "tabular");
  }

  @Override
  public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
    if (!(config instanceof XorAndXorConfig options)) {
      throw new IllegalArgumentException(
          ID + " expects a " + XorAndXorConfig.class.getSimpleName() + ", got "
              + (config == null ? "null" : config.getClass().getName()));
    }
    List<XorAndXorSample> generated =
        new XorAndXorGenerator(options.edgeNoise()).generate(options.size(), context.seed());
    List<MultimodalSample> samples = new ArrayList<>(generated.size());
    for (int i = 0; i < generated.size(); i++) {
      samples.add(toMultimodal(i, generated.get(i), context.readers()));
    }
    return new MultimodalDataset(
        ID,
        List.of(GRAPH, TABLE),
        List.of("0", "1"),
        samples.subList(0, options.trainSize()),
        samples.subList(options.trainSize(), samples.size()),
        fingerprint(generated, options.trainSize()));
  }

  /** Reads the four renderings with the plugins bound to {@code graph} and {@code table}. */
  private static MultimodalSample toMultimodal(
      int index, XorAndXorSample s, ModalityReaders readers) {
    String id = "xor-" + index;
    String where = ID + " sample " + id + " ";
    return new MultimodalSample(
        id,
        s.label(),
        Map.of(
            GRAPH, readers.read(GRAPH, s.graph().toJson(), where + GRAPH),
            TABLE, readers.read(TABLE, s.table().toJson(), where + TABLE)),
        Map.of(GRAPH, List.of(s.f3(), s.f2()), TABLE, List.of(s.f1(), s.f2())),
        Map.of(
            GRAPH, Map.of(TABLE,
                readers.read(TABLE, s.graphAsTable().toJson(), where + GRAPH + " as " + TABLE)),
            TABLE, Map.of(GRAPH,
                readers.read(GRAPH, s.tableAsGraph().toJson(), where + TABLE + " as " + GRAPH))));
  }

  /** Covers every generated value and the split point, so it changes when either does. */
  private static String fingerprint(List<XorAndXorSample> samples, int trainSize) {
    DatasetDigest digest = new DatasetDigest().add(FORMAT).add(samples.size()).add(trainSize);
    for (XorAndXorSample s : samples) {
      digest.add(s.f1()).add(s.f2()).add(s.f3()).add(s.label());
      // The same bytes as when the samples were the plugins' own: positions absent (-1).
      digest.addGraph(s.graph().features(), s.graph().edges(), null).add(s.table().values());
      digest.add(s.graphAsTable().values())
          .addGraph(s.tableAsGraph().features(), s.tableAsGraph().edges(), null);
    }
    return digest.hex();
  }
}
