package io.sharcs.runner.datasets.clevr;

import io.sharcs.api.InvalidConfigException;
import java.util.Locale;

/**
 * How the scene generator words the false question about a scene.
 *
 * <ul>
 *   <li>{@code uniform} (the default): any other of the 95 attribute combinations, uniformly,
 *       which is what real CLEVR's questions look like (on the 52 false questions of the real
 *       mini set, 15% differ from the object in one attribute, 21% in two, 52% in three, 12% in
 *       four; uniform gives 12%, 35%, 39%, 15%);
 *   <li>{@code near}: a harder variant, where half of the false questions differ in one attribute
 *       only, a quarter in two, the rest in three or four.
 * </ul>
 */
public enum ClevrNegatives {
  UNIFORM("uniform"),
  NEAR("near");

  private final String id;

  ClevrNegatives(String id) {
    this.id = id;
  }

  /** The name in experiment files and on the command line. */
  public String id() {
    return id;
  }

  /** Parses {@code text} case-insensitively; the error names {@code field}. */
  public static ClevrNegatives parse(String field, String text) {
    String norm = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (ClevrNegatives n : values()) {
      if (n.id.equals(norm)) {
        return n;
      }
    }
    throw new InvalidConfigException(
        field, "got " + (text == null ? "null" : "'" + text + "'") + ", expected uniform or near");
  }
}
