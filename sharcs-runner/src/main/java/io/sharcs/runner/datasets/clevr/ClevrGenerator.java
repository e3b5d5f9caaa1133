package io.sharcs.runner.datasets.clevr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The built-in CLEVR generator ({@code sharcs generate clevr}): single-object scenes rendered by
 * {@link ClevrRenderer}, two questions per scene ({@link ClevrSceneSampler}), written in CLEVR's
 * formats: {@code images/CLEVR_new_NNNNNN.png}, {@code questions.json} and {@code scenes.json}.
 *
 * <p>Seeded: the same seed and number of questions give byte-identical files, whatever the number
 * of threads (each scene draws from its own stream, split off the seed's in scene order). Writing
 * is atomic: everything goes into a temporary folder next to the output, which is then moved into
 * place, {@code questions.json} last, so a folder with a question file is complete.
 */
public final class ClevrGenerator {

  /** The split name in file names and {@code info}. */
  public static final String SPLIT = "new";
  /** The question file's name. */
  public static final String QUESTIONS = "questions.json";
  /** The scene file's name. */
  public static final String SCENES = "scenes.json";
  /** The image folder's name. */
  public static final String IMAGES = "images";

  private final int questions;
  private final long seed;
  private final int threads;
  private final ClevrNegatives negatives;

  /**
   * @param questions the number of questions, &gt;= 2 (two per scene; with an odd number the last
   *     scene has one)
   * @param seed the seed
   */
  public ClevrGenerator(int questions, long seed) {
    this(questions, seed, ClevrNegatives.UNIFORM);
  }

  /** As {@link #ClevrGenerator(int, long)} with the kind of false questions. */
  public ClevrGenerator(int questions, long seed, ClevrNegatives negatives) {
    this(questions, seed, Math.max(1, Runtime.getRuntime().availableProcessors()), negatives);
  }

  /** As {@link #ClevrGenerator(int, long)} with a number of rendering threads. */
  public ClevrGenerator(int questions, long seed, int threads) {
    this(questions, seed, threads, ClevrNegatives.UNIFORM);
  }

  /** As {@link #ClevrGenerator(int, long)} with rendering threads and the false questions' kind. */
  public ClevrGenerator(int questions, long seed, int threads, ClevrNegatives negatives) {
    if (questions < 2) {
      throw new IllegalArgumentException("questions " + questions + ", expected >= 2");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads + ", expected >= 1");
    }
    this.questions = questions;
    this.seed = seed;
    this.threads = threads;
    this.negatives = java.util.Objects.requireNonNull(negatives, "negatives");
  }

  /** The number of scenes (images) generated. */
  public int scenes() {
    return (questions + 1) / 2;
  }

  /** The file name of scene {@code index}'s image. */
  public static String imageName(int index) {
    return String.format(Locale.ROOT, "CLEVR_%s_%06d.png", SPLIT, index);
  }

  /**
   * Writes the data set into {@code out}, which must not exist or must not hold any of {@code
   * images/}, {@code questions.json} and {@code scenes.json}.
   *
   * @throws InvalidInputException if {@code out} is a file or already holds one of those
   */
  public void writeTo(Path out) {
    Path target = out.toAbsolutePath().normalize();
    checkTarget(target);
    Path parent = target.getParent();
    Path temp;
    try {
      Files.createDirectories(parent);
      temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary folder in " + parent, e);
    }
    try {
      writeInto(temp);
      moveIntoPlace(temp, target);
    } finally {
      deleteRecursively(temp);
    }
  }

  /** The scenes and questions, drawn in order from the seed. */
  public List<ClevrSceneSampler.Draw> draw() {
    SplittableRandom master = new SplittableRandom(seed);
    List<ClevrSceneSampler.Draw> draws = new ArrayList<>(scenes());
    for (int i = 0; i < scenes(); i++) {
      int asked = Math.min(2, questions - 2 * i);
      draws.add(ClevrSceneSampler.draw(master.split(), asked, negatives));
    }
    return draws;
  }

  private void writeInto(Path folder) {
    List<ClevrSceneSampler.Draw> draws = draw();
    Path images = folder.resolve(IMAGES);
    try {
      Files.createDirectories(images);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + images, e);
    }
    render(draws, images);
    ObjectMapper mapper = new ObjectMapper();
    try {
      mapper.writeValue(folder.resolve(SCENES).toFile(), scenesJson(draws));
      mapper.writeValue(folder.resolve(QUESTIONS).toFile(), questionsJson(draws));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the CLEVR files in " + folder, e);
    }
  }

  private void render(List<ClevrSceneSampler.Draw> draws, Path images) {
    ThreadLocal<ClevrRenderer> renderers = ThreadLocal.withInitial(ClevrRenderer::new);
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, draws.size()));
    try {
      List<Future<?>> done = new ArrayList<>(draws.size());
      for (int i = 0; i < draws.size(); i++) {
        ClevrScene scene = draws.get(i).scene();
        Path file = images.resolve(imageName(i));
        done.add(pool.submit(() -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            PngEncoder.write(renderers.get().render(scene), out);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering CLEVR scenes", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("rendering failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private ObjectNode info() {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.put("split", SPLIT);
    info.put("version", "1.0");
    info.put("generator", "sharcs generate clevr");
    info.put("seed", seed);
    info.put("questions", questions);
    info.put("negatives", negatives.id());
    return info;
  }

  private ObjectNode questionsJson(List<ClevrSceneSampler.Draw> draws) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("info", info());
    ArrayNode list = root.putArray("questions");
    int index = 0;
    for (int i = 0; i < draws.size(); i++) {
      for (ClevrSceneSampler.Question q : draws.get(i).questions()) {
        ObjectNode node = list.addObject();
        node.put("split", SPLIT);
        node.put("image_index", i);
        node.put("image_filename", imageName(i));
        node.put("image", imageName(i).replace(".png", ""));
        node.put("question", q.text());
        node.set("program", program(q.attributes()));
        node.put("answer", q.answer());
        node.put("template_filename", "1obj.json");
        node.put("question_family_index", 0);
        node.put("question_index", index++);
      }
    }
    return root;
  }

  /** CLEVR's program for "count the objects that pass the four filters". */
  private static ArrayNode program(ClevrAttributes a) {
    ArrayNode program = JsonNodeFactory.instance.arrayNode();
    programNode(program, "scene", -1, null);
    programNode(program, "filter_size", 0, a.size());
    programNode(program, "filter_color", 1, a.color());
    programNode(program, "filter_material", 2, a.material());
    programNode(program, "filter_shape", 3, a.shape());
    programNode(program, "count", 4, null);
    return program;
  }

  private static void programNode(ArrayNode program, String type, int input, String value) {
    ObjectNode node = program.addObject();
    node.put("type", type);
    ArrayNode inputs = node.putArray("inputs");
    if (input >= 0) {
      inputs.add(input);
    }
    ArrayNode values = node.putArray("value_inputs");
    if (value != null) {
      values.add(value);
    }
  }

  private ObjectNode scenesJson(List<ClevrSceneSampler.Draw> draws) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.set("info", info());
    ArrayNode list = root.putArray("scenes");
    for (int i = 0; i < draws.size(); i++) {
      ClevrScene scene = draws.get(i).scene();
      ObjectNode node = list.addObject();
      node.put("split", SPLIT);
      node.put("image_index", i);
      node.put("image_filename", imageName(i));
      ObjectNode object = node.putArray("objects").addObject();
      ClevrAttributes a = scene.object();
      object.put("shape", a.shape());
      object.put("color", a.color());
      object.put("size", a.size());
      object.put("material", a.material());
      object.put("rotation", round(scene.rotation()));
      ArrayNode coords = object.putArray("3d_coords");
      coords.add(round(scene.x())).add(round(scene.y())).add(round(scene.centreHeight()));
      double[] pixel = ClevrRenderer.pixelCoords(scene);
      object.putArray("pixel_coords")
          .add((int) Math.round(pixel[0])).add((int) Math.round(pixel[1])).add(round(pixel[2]));
      ObjectNode relationships = node.putObject("relationships");
      for (String r : List.of("right", "behind", "front", "left")) {
        relationships.putArray(r).addArray();
      }
    }
    return root;
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  private static void checkTarget(Path target) {
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new InvalidInputException(
          target + ": is a file, expected a folder (new or without a CLEVR data set) to write into");
    }
    for (String name : List.of(QUESTIONS, SCENES, IMAGES)) {
      if (Files.exists(target.resolve(name))) {
        throw new InvalidInputException(
            target.resolve(name) + ": exists already, expected a folder without " + QUESTIONS
                + ", " + SCENES + " and " + IMAGES + "/ to generate into");
      }
    }
  }

  private static void moveIntoPlace(Path temp, Path target) {
    try {
      if (!Files.exists(target)) {
        try {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
          return;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
          // Created meanwhile: fall through and move the files into it one by one.
        }
      }
      checkTarget(target);
      for (String name : List.of(IMAGES, SCENES, QUESTIONS)) {
        Files.move(temp.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
      throw new InvalidInputException(
          e.getFile() + ": exists already (written meanwhile by another process?), expected a"
              + " folder without a CLEVR data set to generate into", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the generated data into " + target, e);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the temporary folder " + folder, e);
    }
  }
}
