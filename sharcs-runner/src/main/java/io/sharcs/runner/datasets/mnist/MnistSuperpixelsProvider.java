package io.sharcs.runner.datasets.mnist;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.DatasetConfig;
import io.sharcs.api.DatasetContext;
import io.sharcs.api.ModalityReaders;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * MNIST+Superpixels ({@code dataset: {type: mnist-superpixels, root: ...}}), built as the
 * reference builds it (method spec section 1.2) from the MNIST IDX files, with superpixel graphs
 * of our own ({@link Slic}; "MNISTSuperpixels-like": PyG's set was made by an unpublished
 * script).
 *
 * <p>Modalities in slot order: {@code graph} (a digit's superpixel graph), then {@code image}
 * (a digit's 28x28 image, raw 0-255 values). Sample {@code i} pairs the graph of digit {@code i}
 * with the image of digit {@code i + 1} (the last sample wraps to digit 0), and its label is the
 * sum of the two digits (19 classes, "0" to "18"). Content keys are the digits (an {@link
 * Integer}), so the semantic regulariser pairs a graph and an image that show the same digit.
 * Counterparts: the graph's content as an image is the image of digit {@code i}, the image's
 * content as a graph the graph of digit {@code i + 1}. Local labels: the graph's digit and the
 * image's digit. Each graph and image is read once and shared by the two samples that use it.
 */
public final class MnistSuperpixelsProvider extends MnistProvider {

  /** The {@code dataset.type} of this provider and the name of its data sets. */
  public static final String ID = "mnist-superpixels";

  // Bump when the samples built from the same files and options change.
  private static final String FORMAT = "mnist-superpixels/1";

  /** Used by {@link java.util.ServiceLoader}. */
  public MnistSuperpixelsProvider() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "MNIST+Superpixels: a digit's superpixel graph and the next digit's image;"
        + " label = the sum of the two digits";
  }

  @Override
  public MultimodalDataset load(DatasetConfig config, DatasetContext context) {
    MnistSource source = MnistSource.load(ID, config, context);
    int n = source.count();
    ModalityReaders readers = context.readers();
    Object[] graphs = new Object[n];
    Object[] images = new Object[n];
    DigitPipeline.inOrder(n,
        i -> new JsonNode[] {MnistJson.graph(source.graph(i)), source.raster(i, 0, source.rows())},
        (trees, i) -> {
          String where = ID + " digit " + i + " ";
          graphs[i] = readers.read(GRAPH, trees[0], where + GRAPH);
          images[i] = readers.read(IMAGE, trees[1], where + IMAGE);
        });
    List<MultimodalSample> samples = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      int graphDigit = source.digit(i);
      int imageDigit = source.digit(j);
      samples.add(new MultimodalSample(
          ID + "-" + i,
          graphDigit + imageDigit,
          Map.of(GRAPH, graphs[i], IMAGE, images[j]),
          Map.of(GRAPH, graphDigit, IMAGE, imageDigit),
          Map.of(GRAPH, Map.of(IMAGE, images[i]), IMAGE, Map.of(GRAPH, graphs[j])),
          Map.of(GRAPH, graphDigit, IMAGE, imageDigit)));
    }
    int train = source.options().trainSize();
    return new MultimodalDataset(
        ID,
        List.of(GRAPH, IMAGE),
        IntStream.range(0, 19).mapToObj(Integer::toString).toList(),
        samples.subList(0, train),
        samples.subList(train, n),
        source.fingerprint(FORMAT, "shift-of-one"),
        MnistSource.localClassNames(GRAPH, IMAGE));
  }
}
