package io.sharcs.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InputSpec;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityPlugin;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import io.sharcs.api.Preprocessor;
import io.sharcs.api.PretrainingContext;
import io.sharcs.core.ModalityBinding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data set checked against the experiment's modality bindings and arranged by slot: raw
 * inputs, labels and content keys per split, and each modality's input shape. All data errors
 * surface here, before any training, each naming the data set, the sample and what is wrong.
 */
public final class PreparedData {

  private final String name;
  private final List<Slot> slots;
  private final int classes;
  private final Split train;
  private final Split test;

  private PreparedData(String name, List<Slot> slots, int classes, Split train, Split test) {
    this.name = name;
    this.slots = slots;
    this.classes = classes;
    this.train = train;
    this.test = test;
  }

  /**
   * Checks and arranges {@code dataset} for {@code bindings}.
   *
   * @throws InvalidInputException if a binding names no modality of the data set, a training or
   *     test sample lacks a modality, an input or counterpart has the wrong type, a label is out
   *     of range, or a plugin rejects a sample
   */
  public static PreparedData prepare(MultimodalDataset dataset, List<ModalityBinding> bindings) {
    String where = "data set '" + dataset.name() + "'";
    List<String> names = bindings.stream().map(ModalityBinding::name).toList();
    if (!names.equals(dataset.modalities())) {
      throw new InvalidInputException(
          where + ": experiment modalities " + names + " do not match the data set's "
              + dataset.modalities() + ", expected the same names in the same order");
    }
    int classes = dataset.numClasses();
    List<Slot> slots = new ArrayList<>();
    for (ModalityBinding b : bindings) {
      slots.add(inspect(dataset, b, where));
    }
    Split train = Split.of(dataset.train(), names, classes, where);
    Split test = Split.of(dataset.test(), names, classes, where);
    return new PreparedData(dataset.name(), List.copyOf(slots), classes, train, test);
  }

  private static Slot inspect(MultimodalDataset dataset, ModalityBinding b, String where) {
    ModalityPlugin<?> plugin = b.plugin();
    List<Object> all = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<MultimodalSample> samples = new ArrayList<>(dataset.train());
    samples.addAll(dataset.test());
    for (MultimodalSample s : samples) {
      Object input =
          s.input(b.name())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          where + " sample " + s.id() + ": modality '" + b.name()
                              + "' is absent, expected an input for every modality"));
      all.add(checkType(plugin, input, where + " sample " + s.id() + " modality '" + b.name() + "'"));
      ids.add(s.id());
      for (String missing : dataset.modalities()) {
        Optional<Object> rendered = s.counterpart(missing, b.name());
        if (rendered.isPresent()) {
          String label = s.id() + " (counterpart of " + missing + ")";
          all.add(checkType(plugin, rendered.get(), where + " sample " + label));
          ids.add(label);
        }
      }
    }
    InputSpec spec = inspectTyped(plugin, all, ids, where + " modality '" + b.name() + "'");
    List<Object> train = new ArrayList<>(dataset.train().size());
    for (MultimodalSample s : dataset.train()) {
      train.add(s.inputs().get(b.name()));
    }
    Preprocessor<?> preprocessor = fitTyped(plugin, train, spec, b.encoder());
    return new Slot(b.name(), plugin, preprocessor, b.encoder(), b.baseDirectory());
  }

  private static Object checkType(ModalityPlugin<?> plugin, Object value, String where) {
    if (!plugin.sampleType().isInstance(value)) {
      throw new InvalidInputException(
          where + ": found " + value.getClass().getSimpleName() + ", expected "
              + plugin.sampleType().getSimpleName() + " for plugin '" + plugin.id() + "'");
    }
    return value;
  }

  // The casts are safe: every element was checked against plugin.sampleType().
  @SuppressWarnings("unchecked")
  private static <S> InputSpec inspectTyped(
      ModalityPlugin<S> plugin, List<Object> samples, List<String> ids, String where) {
    return plugin.inspect((List<S>) samples, ids, where);
  }

  @SuppressWarnings("unchecked")
  private static <S> Preprocessor<S> fitTyped(
      ModalityPlugin<S> plugin, List<Object> train, InputSpec spec, EncoderConfig config) {
    return plugin.fit((List<S>) train, spec, config);
  }

  @SuppressWarnings("unchecked")
  private static <S> NDList batchTyped(
      Preprocessor<S> preprocessor, List<Object> samples, NDManager manager) {
    return preprocessor.batch((List<S>) samples, manager);
  }

  @SuppressWarnings("unchecked")
  private static <S> Map<String, Double> reportTyped(
      Preprocessor<S> preprocessor, List<Object> samples) {
    return preprocessor.report((List<S>) samples);
  }

  /** Batches raw inputs of {@code slot} (already type-checked) into tensors. */
  public NDList batch(int slot, List<Object> raw, NDManager manager) {
    return batchTyped(slots.get(slot).preprocessor(), raw, manager);
  }

  /**
   * What each slot's preprocessing reports about each split, as {@code
   * preprocessing.<modality>.<name>.<split>} metrics.
   */
  public Map<String, Double> preprocessingReport() {
    Map<String, Double> out = new TreeMap<>();
    for (int m = 0; m < slots.size(); m++) {
      Slot slot = slots.get(m);
      for (var split : Map.of("train", train, "test", test).entrySet()) {
        List<Object> raw = Arrays.asList(split.getValue().inputs[m]);
        reportTyped(slot.preprocessor(), raw)
            .forEach(
                (name, value) ->
                    out.put(
                        "preprocessing." + slot.name() + "." + name + "." + split.getKey(),
                        value));
      }
    }
    return out;
  }

  /** Saves every slot's learned preprocessing state into {@code directory}. */
  public void savePreprocessing(Path directory) throws IOException {
    for (Slot slot : slots) {
      slot.preprocessor().save(directory, slot.name());
    }
  }

  /**
   * Lets the plugin of {@code slot} pretrain {@code encoder} without labels on the training
   * split's inputs of that slot ({@link ModalityPlugin#pretrain}); plugins that do not pretrain
   * return at once.
   *
   * @param seed the run's master seed; the plugin gets a seed derived from it and the slot name
   */
  public void pretrain(int slot, Block encoder, NDManager manager, long seed) {
    Slot s = slots.get(slot);
    List<Object> inputs = Arrays.asList(train.inputs[slot]);
    pretrainTyped(
        s.plugin(), s.preprocessor(), encoder, s.encoder(), s.name(), inputs, manager,
        Seeds.derive(seed, "pretrain:" + s.name()));
  }

  // The casts are safe: every input was checked against the plugin's sample type, and the
  // preprocessor was made by the same plugin's fit().
  @SuppressWarnings("unchecked")
  private static <S> void pretrainTyped(
      ModalityPlugin<S> plugin,
      Preprocessor<?> preprocessor,
      Block encoder,
      EncoderConfig config,
      String modality,
      List<Object> train,
      NDManager manager,
      long seed) {
    plugin.pretrain(
        encoder,
        config,
        new PretrainingContext<>(
            modality, (List<S>) train, (Preprocessor<S>) preprocessor, manager, seed));
  }

  /** Batches rows {@code rows} of {@code split} for {@code slot}. */
  public NDList batch(int slot, Split split, int[] rows, NDManager manager) {
    List<Object> raw = new ArrayList<>(rows.length);
    for (int r : rows) {
      raw.add(split.inputs[slot][r]);
    }
    return batch(slot, raw, manager);
  }

  /** The data set's name. */
  public String name() {
    return name;
  }

  /** The modality slots, in order. */
  public List<Slot> slots() {
    return slots;
  }

  /** The number of classes. */
  public int classes() {
    return classes;
  }

  /** The training split. */
  public Split train() {
    return train;
  }

  /** The test split. */
  public Split test() {
    return test;
  }

  /**
   * One modality slot.
   *
   * @param name the modality name in the data set
   * @param plugin its plugin
   * @param preprocessor its preprocessing, fitted on the training split
   * @param encoder the modality's options
   * @param baseDirectory where relative paths in the options resolve
   */
  public record Slot(
      String name,
      ModalityPlugin<?> plugin,
      Preprocessor<?> preprocessor,
      EncoderConfig encoder,
      Path baseDirectory) {

    /** The input shape the encoder is built for. */
    public InputSpec spec() {
      return preprocessor.spec();
    }
  }

  /** One split: samples with their inputs, labels and content keys by slot. */
  public static final class Split {
    private final List<MultimodalSample> samples;
    private final int[] labels;
    private final Object[][] inputs;
    private final Object[][] keys;

    private Split(List<MultimodalSample> samples, int[] labels, Object[][] inputs, Object[][] keys) {
      this.samples = samples;
      this.labels = labels;
      this.inputs = inputs;
      this.keys = keys;
    }

    static Split of(List<MultimodalSample> samples, List<String> names, int classes, String where) {
      int n = samples.size();
      int[] labels = new int[n];
      Object[][] inputs = new Object[names.size()][n];
      Object[][] keys = new Object[names.size()][n];
      for (int i = 0; i < n; i++) {
        MultimodalSample s = samples.get(i);
        if (s.label() < 0 || s.label() >= classes) {
          throw new InvalidInputException(
              where + " sample " + s.id() + ": label " + s.label() + ", expected 0.."
                  + (classes - 1));
        }
        labels[i] = s.label();
        for (int m = 0; m < names.size(); m++) {
          inputs[m][i] = s.inputs().get(names.get(m));
          keys[m][i] = s.contentKeys().get(names.get(m));
        }
      }
      return new Split(List.copyOf(samples), labels, inputs, keys);
    }

    /** The number of samples. */
    public int size() {
      return labels.length;
    }

    /** The samples, in split order. */
    public List<MultimodalSample> samples() {
      return samples;
    }

    /** The label of row {@code r}. */
    public int label(int r) {
      return labels[r];
    }

    /** All labels, a copy. */
    public int[] labels() {
      return labels.clone();
    }

    /** The labels of the given rows. */
    public int[] labels(int[] rows) {
      int[] out = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = labels[rows[i]];
      }
      return out;
    }

    /** The raw input of {@code slot} at row {@code r}. */
    public Object input(int slot, int r) {
      return inputs[slot][r];
    }

    /** Per slot, the content keys of the given rows (null where unknown). */
    public List<Object[]> keys(int[] rows) {
      List<Object[]> out = new ArrayList<>(keys.length);
      for (Object[] slotKeys : keys) {
        Object[] k = new Object[rows.length];
        for (int i = 0; i < rows.length; i++) {
          k[i] = slotKeys[rows[i]];
        }
        out.add(k);
      }
      return out;
    }
  }
}
