package io.sharcs.runner.datasets.xor;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the XOR-AND-XOR benchmark (spec §1.1): per sample three fair bits {@code f1, f2,
 * f3}, a graph showing {@code (f3, f2)}, a table showing {@code (f1, f2)}, and each content
 * rendered in the other modality.
 *
 * <p>Deterministic: one {@link SplittableRandom} seeded with the given seed drives every draw, in
 * a fixed order, so a seed always gives the same samples on any JVM. The values are not those of
 * the Python reference (different generators), only their distribution is.
 */
public final class XorAndXorGenerator {

  private final XorAndXorRenderer renderer;

  /**
   * @param edgeNoise the ratio of random edges added to each graph, in {@code [0, 1]} (0.2 in
   *     the reference)
   */
  public XorAndXorGenerator(double edgeNoise) {
    this.renderer = new XorAndXorRenderer(edgeNoise);
  }

  /**
   * {@code count} samples drawn from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code count < 0}
   */
  public List<XorAndXorSample> generate(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count is " + count + ", expected >= 0");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<XorAndXorSample> samples = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      samples.add(next(random));
    }
    return List.copyOf(samples);
  }

  private XorAndXorSample next(SplittableRandom random) {
    int f1 = random.nextInt(2);
    int f2 = random.nextInt(2);
    int f3 = random.nextInt(2);
    // The order of the draws is part of the data: changing it changes every seed's samples.
    var graph = renderer.graph(f3, f2, random);
    var tableAsGraph = renderer.graph(f1, f2, random);
    var table = renderer.table(f1, f2, random);
    var graphAsTable = renderer.table(f3, f2, random);
    return new XorAndXorSample(f1, f2, f3, graph, table, graphAsTable, tableAsGraph);
  }
}
