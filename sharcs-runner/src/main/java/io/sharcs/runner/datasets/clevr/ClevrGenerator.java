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

  /**
   * What one scene costs on disk: its 320x240 PNG (18.0 KB on average), its two questions in
   * {@code questions.json} (0.6 KB each) and its entry in {@code scenes.json} (0.3 KB), about
   * 19.5 KB of content, 22 KB as a file system with 4 KiB blocks allocates it (measured: 2,000
   * questions took 21,958,656 bytes by {@code du}, 8,000 questions 87,945,216).
   */
  public static final long BYTES_PER_SCENE = 22_000;

  /**
   * The rendering time of one scene on one thread, in milliseconds, after {@link
   * #WARM_UP_SECONDS}: measured with {@code sharcs generate clevr} on the development machine's 2
   * cores (shared with other work): 200 scenes in 3.7 s, 1,000 in 7.1 s, 4,000 in 36.5 s (under
   * load), 10,000 in 58.8 s, about 6 ms a scene on two threads.
   */
  public static final double MILLIS_PER_SCENE_PER_THREAD = 12;

  /** The fixed part of a generation's time (the JIT warming up, the files written last). */
  public static final double WARM_UP_SECONDS = 2;

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

  /** The bytes the data set will take on disk, about ({@link #BYTES_PER_SCENE}). */
  public long estimatedBytes() {
    return scenes() * BYTES_PER_SCENE;
  }

  /** The seconds the generation will take on this generator's threads, about. */
  public double estimatedSeconds() {
    return WARM_UP_SECONDS + scenes() * MILLIS_PER_SCENE_PER_THREAD / 1000.0 / threads;
  }

  /**
   * What will be written and what it costs, for the line printed before generating: {@code 8,000
   * questions (4,000 scenes, about 88 MB, about 26 s on 2 cores)}.
   */
  public String plan() {
    return String.format(Locale.ROOT, "%,d questions (%,d scenes, about %s, about %s on %d %s)",
        questions, scenes(), bytes(estimatedBytes()), duration(estimatedSeconds()), threads,
        threads == 1 ? "core" : "cores");
  }

  /** {@code 88 MB}, {@code 2.2 GB}, {@code 44 KB}. */
  static String bytes(long n) {
    if (n >= 1_000_000_000L) {
      return String.format(Locale.ROOT, "%.1f GB", n / 1e9);
    }
    if (n >= 1_000_000L) {
      return String.format(Locale.ROOT, "%d MB", Math.round(n / 1e6));
    }
    return String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(n / 1e3)));
  }

  /** {@code 36 s}, {@code 4 min}, {@code 1.5 h}. */
  static String duration(double seconds) {
    if (seconds < 1) {
      return "1 s";
    }
    if (seconds < 120) {
      return Math.round(seconds) + " s";
    }
    if (seconds < 7200) {
      return Math.round(seconds / 60) + " min";
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  /**
   * Refuses to start when the file system that would hold {@code out} has less usable space than
   * {@link #estimatedBytes()}.
   *
   * @throws InvalidInputException naming the folder, the estimate and the free space
   */
  public void requireSpace(Path out) {
    Path target = out.toAbsolutePath().normalize();
    Path existing = target;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    long free;
    try {
      free = freeSpace.applyAsLong(existing);
    } catch (UncheckedIOException e) {
      return; // an unknown free space is no reason to refuse; writing reports a full disk
    }
    if (free < estimatedBytes()) {
      throw new InvalidInputException(String.format(Locale.ROOT,
          "%s: generating %s needs about %s, but its file system has %s free; free some space"
              + " or generate fewer questions", target, plan(), bytes(estimatedBytes()),
          bytes(free)));
    }
  }

  /** The usable bytes of the file system holding an existing path; replaced in tests. */
  static java.util.function.ToLongFunction<Path> freeSpace = ClevrGenerator::usableSpace;

  /** The real {@link #freeSpace}, for tests to restore it. */
  static long usableSpaceForTests(Path existing) {
    return usableSpace(existing);
  }

  private static long usableSpace(Path existing) {
    try {
      return Files.getFileStore(existing).getUsableSpace();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file name of scene {@code index}'s image. */
  public static String imageName(int index) {
    return String.format(Locale.ROOT, "CLEVR_%s_%06d.png", SPLIT, index);
  }

  /**
   * Writes the data set into {@code out}, which must not exist or must not hold any of {@code
   * images/}, {@code questions.json} and {@code scenes.json}.
   *
   * @throws InvalidInputException if {@code out} is a file or already holds one of those, or its
   *     file system has less room than {@link #estimatedBytes()}
   */
  public void writeTo(Path out) {
    Path target = out.toAbsolutePath().normalize();
    checkTarget(target);
    requireSpace(target);
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
