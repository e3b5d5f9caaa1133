package com.example.series;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.DatasetProvider;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code series-and-table}: a synthetic two-modality data set whose class is the XOR of two hidden
 * bits, each visible in both modalities. In the series, bit 1 is the frequency of a sine (slow or
 * fast) and bit 2 a bump somewhere in time; in the table (three columns), bit 1 and bit 2 are
 * noisy numbers and the third column is noise. Neither modality alone hides a bit, so each can
 * stand in for the other: content keys pair samples of equal bits, and each sample carries its
 * counterpart (the same bits drawn in the other modality) for missing-modality evaluation.
 *
 * <p>Samples are handed to the plugins bound to modality names {@code series} and {@code table}
 * through {@link DatasetContext#readers()}, as JSON values: the provider needs no plugin class.
 */
public final class SeriesTableProvider implements DatasetProvider {

  private static final List<String> MODALITIES = List.of("series", "table");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Override
  public String id() {
    return "series-and-table";
  }

  @Override
  public String description() {
    return "synthetic time series + table, class = XOR of two bits seen in both (third-party)";
  }

  @Override
  public Class<? extends DatasetConfig> configType() {
    return SeriesTableConfig.class;
  }

  @Override
  public DatasetConfig defaultConfig() {
    return SeriesTableConfig.DEFAULTS;
  }

  @Override
  public Optional<List<String>> modalities(DatasetConfig config) {
    return Optional.of(MODALITIES);
  }

  /**
   * The series is for this jar's {@code series} plugin, the table for the built-in {@code
   * tabular}: {@code sharcs generate series-and-table --out DIR} asks them how the values are
   * stored in a manifest.
   */
  @Override
  public Map<String, String> plugins(DatasetConfig config) {
    return Map.of("series", "series", "table", "tabular");
  }

  @Override
  public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
    SeriesTableConfig c = (SeriesTableConfig) config;
    // One generator per sample, split from the run's seed: a sample does not depend on others.
    SplittableRandom root = new SplittableRandom(context.seed());
    List<MultimodalSample> train = new ArrayList<>();
    List<MultimodalSample> test = new ArrayList<>();
    for (int i = 0; i < c.size(); i++) {
      SplittableRandom r = root.split();
      boolean b1 = r.nextBoolean();
      boolean b2 = r.nextBoolean();
      String id = Integer.toString(i);
      Object series = context.readers().read("series", series(b1, b2, c, r), "sample " + id);
      Object table = context.readers().read("table", table(b1, b2, r), "sample " + id);
      String key = (b1 ? "1" : "0") + (b2 ? "1" : "0");
      Map<String, Map<String, Object>> counterparts = Map.of(
          "series", Map.of("table",
              context.readers().read("table", table(b1, b2, r), "sample " + id + " counterpart")),
          "table", Map.of("series", context.readers().read(
              "series", series(b1, b2, c, r), "sample " + id + " counterpart")));
      MultimodalSample s = new MultimodalSample(id, b1 ^ b2 ? 1 : 0,
          Map.of("series", series, "table", table), Map.of("series", key, "table", key),
          counterparts);
      (i < c.trainSize() ? train : test).add(s);
    }
    return new MultimodalDataset(
        id(), MODALITIES, List.of("same", "different"), train, test, fingerprint(c, context));
  }

  /** A sine, slow (bit 1 clear) or fast (set), plus a bump at a random time when bit 2 is set. */
  private static JsonNode series(boolean b1, boolean b2, SeriesTableConfig c, SplittableRandom r) {
    double cycles = b1 ? 4.0 : 1.0;
    double phase = r.nextDouble(0, 2 * Math.PI);
    int centre = r.nextInt(c.length());
    ArrayNode values = JSON.arrayNode();
    for (int t = 0; t < c.length(); t++) {
      double v = Math.sin(2 * Math.PI * cycles * t / c.length() + phase);
      if (b2) {
        double d = (t - centre) / 1.5;
        v += 2.5 * Math.exp(-d * d);
      }
      values.add((float) (v + c.noise() * gaussian(r)));
    }
    return values;
  }

  /** Bit 1 and bit 2 as noisy numbers, and a column of noise. */
  private static JsonNode table(boolean b1, boolean b2, SplittableRandom r) {
    return JSON.arrayNode()
        .add((float) ((b1 ? 1 : 0) + 0.2 * gaussian(r)))
        .add((float) ((b2 ? 1 : 0) + 0.2 * gaussian(r)))
        .add((float) gaussian(r));
  }

  /** A standard normal draw (Box-Muller), from {@code r} only. */
  private static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private String fingerprint(SeriesTableConfig c, DatasetContext context) {
    String what = id() + " v1 " + c + " seed " + context.seed();
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(what.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
