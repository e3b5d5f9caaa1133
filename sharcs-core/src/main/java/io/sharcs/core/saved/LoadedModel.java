package io.sharcs.core.saved;

import ai.djl.Model;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.RenderHints;
import io.sharcs.api.Rendering;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.MissingModalityRetrieval.Counterparts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A concept model loaded from its folder by {@link SavedModel#load}: its network, each
 * modality's preprocessing and retrieval bank, ready to predict new samples. It holds native
 * memory: close it.
 */
public final class LoadedModel implements AutoCloseable {

  private final ModelManifest manifest;
  private final Model model;
  private final List<ConceptBank> banks;
  private final SamplePredictor predictor;

  LoadedModel(
      ModelManifest manifest, Model model, List<ConceptBank> banks, SamplePredictor predictor) {
    this.manifest = manifest;
    this.model = model;
    this.banks = List.copyOf(banks);
    this.predictor = predictor;
  }

  /** What the model folder's {@value ModelManifest#FILE} says. */
  public ModelManifest manifest() {
    return manifest;
  }

  /** The modality names, in slot order. */
  public List<String> modalities() {
    return manifest.modalities().stream().map(ModelManifest.Modality::name).toList();
  }

  /** The class names; index = label. */
  public List<String> classNames() {
    return manifest.classNames();
  }

  /** The retrieval bank of each modality, in slot order. */
  public List<ConceptBank> banks() {
    return banks;
  }

  /**
   * Predicts samples given as raw inputs by modality name (the plugins' sample types). Any
   * modality may be absent (no entry, or null), not all: a missing modality is filled with the
   * entry of its bank nearest to the shared concepts of the first present modality, as the
   * missing-modality evaluation does for a sample without counterpart renderings. Samples are
   * encoded and predicted in batches, not one by one.
   *
   * @throws io.sharcs.api.InvalidInputException naming the sample when it has no modality, an
   *     unknown one, or an input of the wrong type
   */
  public List<Prediction> predict(List<Map<String, Object>> samples) {
    return predictor.predict(samples, Counterparts.none());
  }

  /**
   * Predicts data set samples from their inputs, using their counterpart renderings as queries
   * for missing modalities exactly as the missing-modality evaluation does. Labels are ignored.
   */
  public List<Prediction> predictSamples(List<MultimodalSample> samples) {
    List<Map<String, Object>> inputs = new ArrayList<>(samples.size());
    for (MultimodalSample s : samples) {
      inputs.add(s.inputs());
    }
    return predictor.predict(inputs, Counterparts.of(samples));
  }

  /**
   * The model's forward passes over {@code dataset}'s samples, with the saved preprocessing; for
   * analysing a saved model again (the run report) without training or fitting.
   *
   * @throws io.sharcs.api.InvalidInputException if the data set's modalities or classes differ
   */
  public Analysis analyse(io.sharcs.api.MultimodalDataset dataset) {
    io.sharcs.core.data.PreparedData data = predictor.data().withSamples(dataset);
    io.sharcs.core.eval.Inference inference = predictor.inference().over(data);
    return new Analysis(
        data,
        inference,
        new SamplePredictor(inference, data, banks, manifest.seed(), predictor.stochastic()));
  }

  /**
   * A saved model over a data set.
   *
   * @param data the data set's samples with the model's preprocessing
   * @param inference the model's forward passes over them
   * @param predictor the model's predict path over them
   */
  public record Analysis(
      io.sharcs.core.data.PreparedData data,
      io.sharcs.core.eval.Inference inference,
      SamplePredictor predictor) {}

  /**
   * Draws one raw input of {@code modality} (the plugin's sample type) for a person, through the
   * modality's renderer, e.g. {@code RenderHints.thumbnail(160)} for a page.
   *
   * @throws io.sharcs.api.InvalidInputException when the model has no such modality or the input
   *     is not of its plugin's sample type
   */
  public Rendering render(
      String modality, Object raw, RenderHints hints) {
    return predictor.render(modality, raw, hints);
  }

  /** Frees the network's native memory. */
  @Override
  public void close() {
    model.close();
  }
}
