package io.sharcs.runner.datasets.mnist;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.runner.datasets.mnist.SuperpixelGraph.Half;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HalfMNIST ({@code dataset: {type: half-mnist, root: ...}}), built as the reference builds it
 * (method spec section 1.3) from the MNIST IDX files and our superpixel graphs ({@link Slic}).
 *
 * <p>Modalities in slot order: {@code graph} (half of a digit's superpixel graph, with the
 * Cartesian edge attributes of the whole graph, {@link SuperpixelGraph#half}) and {@code image}
 * (the other half of the same digit's image, 28 wide and 14 high, raw 0-255 values). Sample
 * {@code i} uses digit {@code i}; its label is the digit (10 classes). A sample of kind 0 shows
 * the graph's upper half and the image's lower half, one of kind 1 the graph's lower half and the
 * image's upper half. Which samples are of which kind depends on the protocol:
 *
 * <ul>
 *   <li>{@code reference}: the first half of the samples ({@code i < digits / 2}) are of kind 0,
 *       the rest of kind 1, as the reference; with the split by index, the test split then holds
 *       kind 1 only (spec section 8, item 19).
 *   <li>{@code clean} (default): kinds alternate (even {@code i}: kind 0), so both splits hold
 *       both kinds.
 * </ul>
 *
 * <p>Content keys are {@link DigitHalf} (digit and half shown), so the regulariser pairs a graph
 * and an image that show the same half of the same digit. Counterparts: the graph's content as
 * an image is the same half of the digit's image, the image's content as a graph the same half of
 * its graph. Local labels: the digit, for both modalities.
 */
public final class HalfMnistProvider extends MnistProvider {

  /** The {@code dataset.type} of this provider and the name of its data sets. */
  public static final String ID = "half-mnist";

  // Bump when the samples built from the same files and options change.
  private static final String FORMAT = "half-mnist/1";

  /** Used by {@link java.util.ServiceLoader}. */
  public HalfMnistProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "HalfMNIST: one half of a digit as a superpixel graph, the other half as an image;"
        + " label = the digit";
  }

  /**
   * The half the graph of sample {@code i} of {@code n} shows ({@link Half#UPPER} for kind 0);
   * the image shows the other.
   */
  static Half graphHalf(int i, int n, boolean reference) {
    boolean kind0 = reference ? i < n / 2 : i % 2 == 0;
    return kind0 ? Half.UPPER : Half.LOWER;
  }

  @Override
  public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
    MnistSource source = MnistSource.load(ID, config, context);
    int n = source.count();
    int middle = source.rows() / 2;
    boolean reference = context.referenceProtocol();
    ModalityReaders readers = context.readers();
    List<MultimodalSample> samples = new ArrayList<>(n);
    // Per digit, both halves of both modalities: each sample shows two and renders the other two.
    DigitPipeline.inOrder(n, i -> {
      SuperpixelGraph whole = source.graph(i).withCartesian();
      return new JsonNode[] {
          MnistJson.graph(whole.half(Half.UPPER)), MnistJson.graph(whole.half(Half.LOWER)),
          source.raster(i, 0, middle), source.raster(i, middle, source.rows())};
    }, (trees, i) -> {
      String where = ID + " digit " + i + " ";
      Map<Half, Object> graphs = Map.of(
          Half.UPPER, readers.read(GRAPH, trees[0], where + "upper " + GRAPH),
          Half.LOWER, readers.read(GRAPH, trees[1], where + "lower " + GRAPH));
      Map<Half, Object> images = Map.of(
          Half.UPPER, readers.read(IMAGE, trees[2], where + "upper " + IMAGE),
          Half.LOWER, readers.read(IMAGE, trees[3], where + "lower " + IMAGE));
      Half graphShows = graphHalf(i, n, reference);
      Half imageShows = graphShows.other();
      int digit = source.digit(i);
      samples.add(new MultimodalSample(
          ID + "-" + i,
          digit,
          Map.of(GRAPH, graphs.get(graphShows), IMAGE, images.get(imageShows)),
          Map.of(GRAPH, new DigitHalf(digit, graphShows), IMAGE, new DigitHalf(digit, imageShows)),
          Map.of(GRAPH, Map.of(IMAGE, images.get(graphShows)),
              IMAGE, Map.of(GRAPH, graphs.get(imageShows))),
          Map.of(GRAPH, digit, IMAGE, digit)));
    });
    int train = source.options().trainSize();
    return new MultimodalDataset(
        ID,
        List.of(GRAPH, IMAGE),
        MnistSource.DIGITS,
        samples.subList(0, train),
        samples.subList(train, n),
        source.fingerprint(FORMAT, reference ? "halves by index" : "halves alternating"),
        MnistSource.localClassNames(GRAPH, IMAGE));
  }
}
