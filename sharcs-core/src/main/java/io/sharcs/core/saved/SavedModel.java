package io.sharcs.core.saved;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.sharcs.api.InvalidInputException;
import io.sharcs.core.config.Mode;
import io.sharcs.core.config.Protocol;
import io.sharcs.core.config.RunSettings;
import io.sharcs.core.data.EncoderRole;
import io.sharcs.core.data.ModalityBinding;
import io.sharcs.core.data.ModalityCalls;
import io.sharcs.core.data.PreparedData;
import io.sharcs.core.eval.ConceptBank;
import io.sharcs.core.eval.Inference;
import io.sharcs.core.model.SharcsNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The model folder's description and retrieval banks, written after training ({@link #write})
 * and read back into a working model without the training data ({@link #load}).
 */
public final class SavedModel {

  private SavedModel() {}

  /**
   * What a concept model (SHARCS, multi-CBM) adds to its folder besides its parameters.
   *
   * @param network the trained network
   * @param inputShapes per slot, the shapes of the example batch the network was initialised
   *     with
   * @param banks per slot, the retrieval bank the run's missing-modality evaluation used, its
   *     entries named by sample id
   */
  public record ConceptParts(
      SharcsNetwork network, List<Shape[]> inputShapes, List<ConceptBank> banks) {
    public ConceptParts {
      Objects.requireNonNull(network, "network");
      inputShapes = List.copyOf(inputShapes);
      banks = List.copyOf(banks);
    }
  }

  /**
   * Writes the banks and {@value ModelManifest#FILE} into {@code directory}, after the
   * parameters and preprocessing are there: the manifest lists every other file of the folder.
   *
   * @param parametersStem the file name stem of the network's DJL parameters
   * @param concept the concept model's parts, or null for a mode whose models cannot be loaded
   */
  public static void write(
      Path directory,
      RunSettings settings,
      PreparedData data,
      String parametersStem,
      ConceptParts concept)
      throws IOException {
    List<ModelManifest.Modality> modalities = new ArrayList<>();
    for (int m = 0; m < data.slots().size(); m++) {
      PreparedData.Slot slot = data.slots().get(m);
      String bank = null;
      List<List<Long>> shapes = List.of();
      Integer localClasses = null;
      if (concept != null) {
        if (concept.network().hasLocalHead(m)) {
          localClasses = concept.network().localClasses()[m];
        }
        bank = BankFile.name(slot.name());
        BankFile.write(concept.banks().get(m), directory.resolve(bank));
        shapes = Arrays.stream(concept.inputShapes().get(m))
            .map(s -> Arrays.stream(s.getShape()).boxed().toList())
            .toList();
      }
      modalities.add(
          new ModelManifest.Modality(
              slot.name(), slot.calls().pluginId(), slot.calls().pluginVersion(), shapes, bank,
              localClasses));
    }
    ModelManifest.Network network = null;
    if (concept != null) {
      network =
          new ModelManifest.Network(
              parametersStem,
              settings.model().concepts(),
              settings.model().steepness(),
              settings.model().projectionHidden(),
              settings.model().predictorHidden(),
              concept.network().hasSharedSpace(),
              concept.network().usesSharedSpace(),
              concept.network().hasLocalHeads() ? concept.network().localHeadHidden() : null);
    }
    List<String> files;
    try (Stream<Path> listing = Files.list(directory)) {
      files = listing.map(p -> p.getFileName().toString())
          .filter(f -> !f.equals(ModelManifest.FILE))
          .sorted()
          .toList();
    }
    new ModelManifest(
            ModelManifest.FORMAT,
            ModelManifest.VERSION,
            sharcsVersion(),
            settings.mode().id(),
            settings.protocol().id(),
            settings.seed(),
            network,
            data.classNames(),
            new ModelManifest.Dataset(data.name(), data.fingerprint()),
            modalities,
            files)
        .write(directory);
  }

  /**
   * Loads a concept model saved by a run, as a new process would: nothing of the training is
   * kept. It reads {@value ModelManifest#FILE} (format and version checked), rebuilds the network
   * with the same constructor arguments and the plugins' encoders, initialises it with the saved
   * input shapes, loads the parameters over that, loads each modality's preprocessing ({@link
   * io.sharcs.api.ModalityDefinition#load}) and retrieval bank. No data set is read.
   *
   * @param directory the model folder
   * @param bindings the experiment's modality bindings (any order; matched by name), as bound
   *     from the run's resolved config
   * @param settings the run's settings, as bound from the run's resolved config; they must agree
   *     with the folder's description
   * @throws InvalidInputException with one line naming the file or modality when the folder is
   *     incomplete, of another format or newer version, of a mode that cannot be loaded yet, does
   *     not match {@code settings}, or needs a plugin no binding provides
   */
  public static LoadedModel load(
      Path directory, List<ModalityBinding> bindings, RunSettings settings) {
    Path file = directory.resolve(ModelManifest.FILE);
    ModelManifest manifest = ModelManifest.read(directory);
    Mode mode = Mode.parse(manifest.mode());
    if (!mode.conceptBased() || manifest.network() == null) {
      throw new InvalidInputException(
          file + ": mode " + mode.id() + " models cannot be loaded yet");
    }
    requireAgreement(file, manifest, settings);
    List<ModalityBinding> ordered = inSlotOrder(file, manifest, bindings);
    ModelManifest.Network net = manifest.network();
    Protocol protocol = Protocol.parse(manifest.protocol());
    try {
      List<PreparedData.Slot> slots = new ArrayList<>();
      for (ModalityBinding b : ordered) {
        slots.add(new PreparedData.Slot(b.name(), ModalityCalls.load(b, directory)));
      }
      PreparedData data =
          PreparedData.withoutSamples(
              manifest.dataset().name(), manifest.dataset().fingerprint(), slots,
              manifest.classNames());
      List<ConceptBank> banks = new ArrayList<>();
      for (ModelManifest.Modality m : manifest.modalities()) {
        if (m.bank() == null) {
          throw new InvalidInputException(
              file + ": modality '" + m.name() + "' has no bank, expected a retrieval bank file");
        }
        ConceptBank bank = BankFile.read(directory.resolve(m.bank()));
        if (bank.width() != net.concepts()) {
          throw new InvalidInputException(
              directory.resolve(m.bank()) + ": width " + bank.width() + ", expected "
                  + net.concepts() + " concepts");
        }
        banks.add(bank);
      }
      Model model = Model.newInstance(net.parameters());
      try {
        SharcsNetwork network = network(file, manifest, data, protocol);
        network.initialize(model.getNDManager(), shapes(file, manifest));
        model.setBlock(network);
        model.load(directory, net.parameters());
        network.setSharedSpaceActive(net.sharedSpaceActive());
        Inference inference = new Inference(network, data, model.getNDManager());
        SamplePredictor predictor =
            new SamplePredictor(
                inference, data, banks, manifest.seed(), protocol.stochasticWhenEvaluating());
        return new LoadedModel(manifest, model, banks, predictor);
      } catch (RuntimeException | IOException | MalformedModelException e) {
        model.close();
        throw e;
      }
    } catch (MalformedModelException e) {
      throw new InvalidInputException(
          directory + ": parameters do not fit the model (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model in " + directory, e);
    }
  }

  private static SharcsNetwork network(
      Path file, ModelManifest manifest, PreparedData data, Protocol protocol) {
    ModelManifest.Network net = manifest.network();
    List<Block> encoders = new ArrayList<>();
    int[] arity = new int[data.slots().size()];
    int[] localClasses = new int[data.slots().size()];
    for (int m = 0; m < data.slots().size(); m++) {
      encoders.add(
          data.slots().get(m).calls().restoreEncoder(
              net.concepts(), protocol.stochasticWhenEvaluating(), EncoderRole.CONCEPTS));
      ModelManifest.Modality saved = manifest.modalities().get(m);
      arity[m] = saved.inputShapes().size();
      // The local heads are a training aid, not used to predict; they are rebuilt so that the
      // parameter file, which holds them, loads.
      if (saved.localClasses() != null) {
        if (net.localHeadHidden() == null || saved.localClasses() < 2) {
          throw new InvalidInputException(
              file + ": modality '" + saved.name() + "' has local_classes "
                  + saved.localClasses() + ", expected >= 2 with network.local_head_hidden set");
        }
        localClasses[m] = saved.localClasses();
      }
      if (arity[m] == 0) {
        throw new InvalidInputException(
            file + ": modality '" + manifest.modalities().get(m).name()
                + "' has no input_shapes, expected the shapes of an example batch");
      }
    }
    return new SharcsNetwork(
        encoders, arity, net.concepts(), net.steepness(), net.projectionHidden(),
        net.predictorHidden(), manifest.classNames().size(), net.sharedSpace(), localClasses,
        net.localHeadHidden() == null ? 0 : net.localHeadHidden());
  }

  private static List<Shape[]> shapes(Path file, ModelManifest manifest) {
    List<Shape[]> out = new ArrayList<>();
    for (ModelManifest.Modality m : manifest.modalities()) {
      out.add(
          m.inputShapes().stream()
              .map(s -> new Shape(s.stream().mapToLong(Long::longValue).toArray()))
              .toArray(Shape[]::new));
    }
    return out;
  }

  /** The bindings in the manifest's slot order, each of the plugin the model was saved with. */
  private static List<ModalityBinding> inSlotOrder(
      Path file, ModelManifest manifest, List<ModalityBinding> bindings) {
    List<ModalityBinding> ordered = new ArrayList<>();
    for (ModelManifest.Modality m : manifest.modalities()) {
      ModalityBinding b =
          bindings.stream().filter(x -> x.name().equals(m.name())).findFirst().orElse(null);
      if (b == null) {
        throw new InvalidInputException(
            file + ": modality '" + m.name() + "' (plugin '" + m.plugin()
                + "') has no binding, expected one of the experiment's modalities "
                + bindings.stream().map(ModalityBinding::name).toList());
      }
      if (!b.modality().id().equals(m.plugin())) {
        throw new InvalidInputException(
            file + ": modality '" + m.name() + "' needs plugin '" + m.plugin()
                + "', but it is bound to plugin '" + b.modality().id() + "'");
      }
      ordered.add(b);
    }
    return ordered;
  }

  /** The settings bound from the run's config must describe the saved model. */
  private static void requireAgreement(Path file, ModelManifest manifest, RunSettings settings) {
    ModelManifest.Network net = manifest.network();
    Map<String, List<Object>> pairs = new java.util.LinkedHashMap<>();
    pairs.put("mode", List.of(manifest.mode(), settings.mode().id()));
    pairs.put("protocol", List.of(manifest.protocol(), settings.protocol().id()));
    pairs.put("seed", List.of(manifest.seed(), settings.seed()));
    pairs.put("model.concepts", List.of(net.concepts(), settings.model().concepts()));
    pairs.put("model.steepness", List.of(net.steepness(), settings.model().steepness()));
    pairs.put(
        "model.projection_hidden",
        List.of(net.projectionHidden(), settings.model().projectionHidden()));
    pairs.put(
        "model.predictor_hidden",
        List.of(net.predictorHidden(), settings.model().predictorHidden()));
    if (net.localHeadHidden() != null) {
      pairs.put(
          "model.local_head_hidden",
          List.of(net.localHeadHidden(), settings.model().localHeadHidden()));
    }
    for (Map.Entry<String, List<Object>> p : pairs.entrySet()) {
      if (!p.getValue().get(0).equals(p.getValue().get(1))) {
        throw new InvalidInputException(
            file + ": " + p.getKey() + " is " + p.getValue().get(0) + " but the config says "
                + p.getValue().get(1) + ", expected the config the model was trained with");
      }
    }
  }

  /** This jar's version, else Maven's properties, else {@code dev}. */
  static String sharcsVersion() {
    Package p = SavedModel.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    if (v != null) {
      return v;
    }
    try (var in = SavedModel.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/io.sharcs/sharcs-core/pom.properties")) {
      if (in != null) {
        java.util.Properties props = new java.util.Properties();
        props.load(in);
        return props.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // fall through: the version is informative only
    }
    return "dev";
  }
}
