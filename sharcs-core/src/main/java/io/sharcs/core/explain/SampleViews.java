package io.sharcs.core.explain;

import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.data.PreparedData.Split;
import io.sharcs.core.eval.Inference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Draws samples of the run's data set through their plugins' renderers, once each: every figure
 * that shows a sample (a prototype, a tree node's example, a neighbour) refers to the same view.
 * Parts of a sample (graph nodes) are coloured by the local concept they pick where the
 * modality's encoder tells it.
 */
public final class SampleViews {

  private final PreparedData data;
  private final Inference inference;
  private final int thumbnailPixels;
  private final Map<SampleRef, SampleView> views = new LinkedHashMap<>();

  /**
   * @param data the run's data (with the fitted preprocessing)
   * @param inference the trained model, asked for per-part concepts
   * @param thumbnailPixels the longest side of a drawn sample
   */
  public SampleViews(PreparedData data, Inference inference, int thumbnailPixels) {
    this.data = data;
    this.inference = inference;
    this.thumbnailPixels = thumbnailPixels;
  }

  /** The view of {@code ref}, drawn on first use. */
  public SampleView view(SampleRef ref) {
    SampleView v = views.get(ref);
    if (v == null) {
      v = draw(ref);
      views.put(ref, v);
    }
    return v;
  }

  /** Every view drawn so far, in the order first asked for. */
  public Map<SampleRef, SampleView> all() {
    return Collections.unmodifiableMap(views);
  }

  private SampleView draw(SampleRef ref) {
    Split split = ref.test() ? data.test() : data.train();
    Objects.checkIndex(ref.row(), split.size());
    Map<String, String> keys = new LinkedHashMap<>();
    Map<String, Rendering> renderings = new LinkedHashMap<>();
    List<Object[]> keyRows = split.keys(new int[] {ref.row()});
    for (int m = 0; m < data.slots().size(); m++) {
      PreparedData.Slot slot = data.slots().get(m);
      Object key = keyRows.get(m)[0];
      if (key != null) {
        keys.put(slot.name(), key.toString());
      }
      Object raw = split.input(m, ref.row());
      if (raw == null) {
        continue;
      }
      RenderHints hints = RenderHints.thumbnail(thumbnailPixels);
      Optional<int[][]> parts = inference.partConcepts(m, List.of(raw));
      if (parts.isPresent()) {
        hints = hints.withPartConcepts(parts.get()[0]);
      }
      renderings.put(slot.name(), slot.calls().render(raw, hints));
    }
    int label = split.label(ref.row());
    return new SampleView(
        ref,
        split.samples().get(ref.row()).id(),
        label,
        data.classNames().get(label),
        keys,
        renderings);
  }
}
