package io.sharcs.core.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.sharcs.api.EncoderConfig;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.MultimodalDataset;
import io.sharcs.api.MultimodalSample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A data set checked against the experiment's modality bindings and arranged by slot: raw
 * inputs, labels and content keys per split, and each modality's input shape. All data errors
 * surface here, before any training, each naming the data set, the sample and what is wrong.
 */
public final class PreparedData {

  private final String name;
  private final String fingerprint;
  private final List<Slot> slots;
  private final List<String> classNames;
  /** Per slot, the names of its auxiliary labels' classes; empty where it has none. */
  private final List<List<String>> localClassNames;
  private final Split train;
  private final Split test;

  private PreparedData(
      String name,
      String fingerprint,
      List<Slot> slots,
      List<String> classNames,
      List<List<String>> localClassNames,
      Split train,
      Split test) {
    this.name = name;
    this.fingerprint = fingerprint;
    this.slots = slots;
    this.classNames = classNames;
    this.localClassNames = localClassNames;
    this.train = train;
    this.test = test;
  }

  /** No slot with auxiliary labels. */
  private static List<List<String>> noLocalClasses(int slots) {
    return java.util.Collections.nCopies(slots, List.of());
  }

  /**
   * The slots of a saved model, without samples: both splits are empty. A loaded model batches
   * and encodes new inputs through it exactly as training did.
   *
   * @param name the name of the data set the model was trained on
   * @param fingerprint that data set's fingerprint
   * @param slots the slots with their loaded preprocessing, in slot order
   * @param classNames one name per class
   */
  public static PreparedData withoutSamples(
      String name, String fingerprint, List<Slot> slots, List<String> classNames) {
    List<String> names = slots.stream().map(Slot::name).toList();
    int[] none = new int[slots.size()];
    return new PreparedData(
        name,
        fingerprint,
        List.copyOf(slots),
        List.copyOf(classNames),
        noLocalClasses(slots.size()),
        Split.of(List.of(), names, classNames.size(), none, name),
        Split.of(List.of(), names, classNames.size(), none, name));
  }

  /**
   * The same slots, with their fitted (or loaded) preprocessing, over the samples of {@code
   * dataset}: how a saved model is analysed again on its data without fitting anything.
   *
   * @throws InvalidInputException if the data set's modalities or classes are not these
   */
  public PreparedData withSamples(MultimodalDataset dataset) {
    String where = "data set '" + dataset.name() + "'";
    List<String> names = slots.stream().map(Slot::name).toList();
    if (!names.equals(dataset.modalities())) {
      throw new InvalidInputException(
          where + ": modalities " + dataset.modalities() + ", expected the model's " + names);
    }
    if (!classNames.equals(dataset.classNames())) {
      throw new InvalidInputException(
          where + ": classes " + dataset.classNames() + ", expected the model's " + classNames);
    }
    // A saved model is analysed without its local heads: auxiliary labels are not read.
    int[] none = new int[slots.size()];
    return new PreparedData(
        dataset.name(),
        dataset.fingerprint(),
        slots,
        classNames,
        noLocalClasses(slots.size()),
        Split.of(dataset.train(), names, classNames.size(), none, where),
        Split.of(dataset.test(), names, classNames.size(), none, where));
  }

  /**
   * Checks and arranges {@code dataset} for {@code bindings}.
   *
   * @throws InvalidInputException if a binding names no modality of the data set, a training or
   *     test sample lacks a modality, an input or counterpart has the wrong type, a label or an
   *     auxiliary label is out of range, auxiliary labels are given for a modality without their
   *     class names, or a plugin rejects a sample
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
      slots.add(new Slot(b.name(), ModalityCalls.open(dataset, b, where)));
    }
    List<List<String>> localClassNames = localClassNames(dataset, where);
    int[] localClasses = localClassNames.stream().mapToInt(List::size).toArray();
    Split train = Split.of(dataset.train(), names, classes, localClasses, where);
    Split test = Split.of(dataset.test(), names, classes, localClasses, where);
    return new PreparedData(
        dataset.name(), dataset.fingerprint(), List.copyOf(slots), dataset.classNames(),
        localClassNames, train, test);
  }

  /** Per modality of the data set, the class names of its auxiliary labels (empty: none). */
  private static List<List<String>> localClassNames(MultimodalDataset dataset, String where) {
    for (Map.Entry<String, List<String>> e : dataset.localClassNames().entrySet()) {
      if (!dataset.modalities().contains(e.getKey())) {
        throw new InvalidInputException(
            where + ": local class names for '" + e.getKey() + "', expected them for its"
                + " modalities " + dataset.modalities());
      }
      if (e.getValue().size() < 2) {
        throw new InvalidInputException(
            where + ": " + e.getValue().size() + " local class(es) for modality '" + e.getKey()
                + "', expected >= 2");
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (String m : dataset.modalities()) {
      out.add(dataset.localClassNames().getOrDefault(m, List.of()));
    }
    return List.copyOf(out);
  }

  /** Batches raw inputs of {@code slot} (own inputs or counterpart renderings) into tensors. */
  public NDList batch(int slot, List<?> raw, NDManager manager) {
    return slots.get(slot).calls().batch(raw, manager);
  }

  /**
   * The most samples one evaluation batch of {@code slot} should hold: {@code chunk}, or less
   * where the slot's plugin bounds it.
   */
  public int evaluationChunk(int slot, int chunk) {
    return Math.min(chunk, slots.get(slot).calls().evaluationBatchLimit());
  }

  /** The most samples one evaluation batch of every slot should hold ({@link #evaluationChunk}). */
  public int evaluationChunk(int chunk) {
    int out = chunk;
    for (int m = 0; m < slots.size(); m++) {
      out = evaluationChunk(m, out);
    }
    return out;
  }

  /** Batches rows {@code rows} of {@code split} for {@code slot}. */
  public NDList batch(int slot, Split split, int[] rows, NDManager manager) {
    return batch(slot, split.inputs(slot, rows), manager);
  }

  /**
   * The one batching path of the core: rows {@code rows} of {@code split} batched for every slot,
   * in slot order, into {@code manager}.
   */
  public List<NDList> batch(Split split, int[] rows, NDManager manager) {
    List<NDList> inputs = new ArrayList<>(slots.size());
    for (int m = 0; m < slots.size(); m++) {
      inputs.add(batch(m, split, rows, manager));
    }
    return inputs;
  }

  /** What each slot's preprocessing reports about each split. */
  public List<PreprocessingReport> preprocessingReport() {
    List<PreprocessingReport> out = new ArrayList<>();
    for (int m = 0; m < slots.size(); m++) {
      Slot slot = slots.get(m);
      for (Map.Entry<String, Split> split : List.of(Map.entry("train", train), Map.entry("test", test))) {
        List<Object> raw = Arrays.asList(split.getValue().inputs[m]);
        out.add(
            new PreprocessingReport(
                slot.name(), split.getKey(), slot.calls().report(raw)));
      }
    }
    return out;
  }

  /** Saves every slot's learned preprocessing state into {@code directory}. */
  public void savePreprocessing(Path directory) throws IOException {
    for (Slot slot : slots) {
      slot.calls().save(directory);
    }
  }

  /**
   * Lets the plugin of {@code slot} pretrain {@code encoder} without labels on the training
   * split's inputs of that slot ({@link io.sharcs.api.ModalityPlugin#pretrain}); plugins that do
   * not pretrain return at once.
   *
   * @param seed the run's master seed; the plugin gets a seed derived from it and the slot name
   */
  public void pretrain(int slot, Block encoder, NDManager manager, long seed) {
    slots.get(slot).calls().pretrain(encoder, Arrays.asList(train.inputs[slot]), manager, seed);
  }

  /** The data set's name. */
  public String name() {
    return name;
  }

  /** The modality slots, in order. */
  public List<Slot> slots() {
    return slots;
  }

  /** The data set's fingerprint ({@link MultimodalDataset#fingerprint}). */
  public String fingerprint() {
    return fingerprint;
  }

  /** The number of classes. */
  public int classes() {
    return classNames.size();
  }

  /** The class names, as the data set names them; index = label. */
  public List<String> classNames() {
    return classNames;
  }

  /**
   * The number of classes of {@code slot}'s auxiliary labels ({@link
   * MultimodalDataset#localClassNames}), 0 when it has none.
   */
  public int localClasses(int slot) {
    return localClassNames.get(slot).size();
  }

  /** Whether some slot has auxiliary labels. */
  public boolean hasLocalLabels() {
    return localClassNames.stream().anyMatch(n -> !n.isEmpty());
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
   * @param calls the slot's plugin calls, with its preprocessing fitted on the training split
   */
  public record Slot(String name, ModalityCalls<?, ?> calls) {

    /** The modality's options. */
    public EncoderConfig options() {
      return calls.options();
    }

    /** The fitted preprocessing's description, for logs. */
    public String summary() {
      return calls.summary();
    }
  }

  /** One split: samples with their inputs, labels and content keys by slot. */
  public static final class Split {
    private final List<MultimodalSample> samples;
    private final int[] labels;
    private final Object[][] inputs;
    private final Object[][] keys;
    /** Per slot, each row's auxiliary label, {@value #NO_LABEL} where it has none. */
    private final int[][] localLabels;

    /** The auxiliary label of a row that has none. */
    public static final int NO_LABEL = -1;

    private Split(
        List<MultimodalSample> samples,
        int[] labels,
        Object[][] inputs,
        Object[][] keys,
        int[][] localLabels) {
      this.samples = samples;
      this.labels = labels;
      this.inputs = inputs;
      this.keys = keys;
      this.localLabels = localLabels;
    }

    /**
     * @param localClasses per slot, the number of classes of its auxiliary labels, 0 for none.
     *     All 0: the samples' auxiliary labels are not read (a data set without local
     *     supervision, or a saved model analysed again); else a label of a slot with 0 classes is
     *     an error
     */
    static Split of(
        List<MultimodalSample> samples,
        List<String> names,
        int classes,
        int[] localClasses,
        String where) {
      int n = samples.size();
      int[] labels = new int[n];
      Object[][] inputs = new Object[names.size()][n];
      Object[][] keys = new Object[names.size()][n];
      int[][] localLabels = new int[names.size()][n];
      boolean readLocal = java.util.Arrays.stream(localClasses).anyMatch(c -> c > 0);
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
          localLabels[m][i] = NO_LABEL;
        }
        if (readLocal) {
          readLocalLabels(s, names, localClasses, localLabels, i, where);
        }
      }
      return new Split(List.copyOf(samples), labels, inputs, keys, localLabels);
    }

    private static void readLocalLabels(
        MultimodalSample s,
        List<String> names,
        int[] localClasses,
        int[][] localLabels,
        int row,
        String where) {
      for (Map.Entry<String, Integer> e : s.localLabels().entrySet()) {
        int m = names.indexOf(e.getKey());
        if (m < 0 || localClasses[m] == 0) {
          throw new InvalidInputException(
              where + " sample " + s.id() + ": local label for '" + e.getKey()
                  + "', expected local labels only for the modalities with local class names");
        }
        int label = e.getValue() == null ? NO_LABEL : e.getValue();
        if (label < 0 || label >= localClasses[m]) {
          throw new InvalidInputException(
              where + " sample " + s.id() + ": local label " + e.getValue() + " of modality '"
                  + e.getKey() + "', expected 0.." + (localClasses[m] - 1));
        }
        localLabels[m][row] = label;
      }
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

    /**
     * The auxiliary labels of {@code slot} at {@code rows}, in row order; {@value #NO_LABEL}
     * where a row has none.
     */
    public int[] localLabels(int slot, int[] rows) {
      int[] out = new int[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = localLabels[slot][rows[i]];
      }
      return out;
    }

    /** The raw inputs of {@code slot} at {@code rows}, in row order. */
    public List<Object> inputs(int slot, int[] rows) {
      List<Object> raw = new ArrayList<>(rows.length);
      for (int r : rows) {
        raw.add(inputs[slot][r]);
      }
      return raw;
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
