package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sharcs.api.InvalidConfigException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns Jackson's exceptions into {@link InputError}s of the form {@code <file>: <path>: <what
 * was found>, <what is expected>}, using the exception's path and the tree that was bound.
 */
public final class ConfigErrors {

  private ConfigErrors() {}

  /**
   * Translates a failure to parse a file into {@code <file>: line L, column C: <problem>, expected
   * valid YAML|JSON}.
   */
  public static InputError parseError(JsonParseException e, String file, boolean yaml) {
    if (e instanceof TaglessYamlFactory.TagException tag) {
      return new InputError(file, tag.path(), tag.problem(), e);
    }
    String format = yaml ? "YAML" : "JSON";
    int line = -1;
    int column = -1;
    String problem = null;
    if (e.getCause() instanceof MarkedYAMLException m) {
      problem = m.getProblem();
      Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
      if (mark != null) {
        line = mark.getLine() + 1;
        column = mark.getColumn() + 1;
      }
    }
    if (problem == null) {
      String original = e.getOriginalMessage();
      problem = original == null ? "unreadable" : original.lines().findFirst().orElse(original);
    }
    if (line < 0) {
      JsonLocation loc = e.getLocation();
      if (loc != null) {
        line = loc.getLineNr();
        column = loc.getColumnNr();
      }
    }
    String where = line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") : null;
    return new InputError(file, where, problem + ", expected valid " + format, e);
  }

  /**
   * Translates an exception thrown while binding {@code tree} to a typed config.
   *
   * @param e the exception of {@code treeToValue}
   * @param file the experiment file as named by the user
   * @param base where {@code tree} sits in the file
   * @param tree the bound tree, to show what was found at the failing path
   * @param extraKeys keys allowed at {@code base} besides the bound type's own (listed with the
   *     known keys of an unknown-key error there), e.g. {@code type} for data sets
   */
  public static InputError bindingError(
      JsonProcessingException e,
      String file,
      ConfigPath base,
      JsonNode tree,
      Collection<String> extraKeys) {
    List<JsonMappingException.Reference> refs =
        e instanceof JsonMappingException m ? m.getPath() : List.of();
    ConfigPath relative = ConfigPath.root().plus(refs);
    ConfigPath path = base.plus(refs);

    InvalidConfigException invalid = findCause(e, InvalidConfigException.class);
    if (invalid != null) {
      boolean valueIsRecord =
          e instanceof ValueInstantiationException v
              && v.getType() != null
              && v.getType().getRawClass().isRecord();
      boolean fieldNamed = invalid.field().equals(path.lastKey());
      ConfigPath where = valueIsRecord || !fieldNamed ? path.key(invalid.field()) : path;
      return new InputError(file, where.toString(), invalid.problem(), e);
    }
    InputCoercionException range = findCause(e, InputCoercionException.class);
    if (range != null) {
      return new InputError(
          file, path.toString(),
          "got " + ConfigTrees.describe(ConfigTrees.at(tree, relative)) + ", expected "
              + rangeOf(range.getTargetType()),
          e);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      TreeSet<String> known = new TreeSet<>();
      if (u.getKnownPropertyIds() != null) {
        u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      }
      if (relative.segments().size() == 1) {
        known.addAll(extraKeys);
      }
      return new InputError(
          file, path.toString(), "unknown key, expected one of " + String.join(", ", known), e);
    }
    if (e instanceof MismatchedInputException mi) {
      String found;
      if (mi instanceof InvalidNullException) {
        found = "null";
      } else {
        JsonNode node = ConfigTrees.at(tree, relative);
        if (node == null && mi instanceof InvalidFormatException f) {
          found = "'" + f.getValue() + "'";
        } else {
          found = ConfigTrees.describe(node);
        }
      }
      return new InputError(
          file, path.toString(), "got " + found + ", expected " + expected(mi.getTargetType()), e);
    }
    Throwable root = rootCause(e);
    String message =
        root instanceof JsonProcessingException j ? j.getOriginalMessage()
            : root.getMessage() != null ? root.getMessage()
            : root.getClass().getSimpleName();
    return new InputError(file, path.toString(), "invalid value: " + message, e);
  }

  /** Describes what a target type accepts, e.g. {@code an integer} or {@code a mapping}. */
  static String expected(Class<?> type) {
    if (type == null) {
      return "a valid value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class
        || type == short.class || type == Short.class || type == byte.class || type == Byte.class
        || type == BigInteger.class) {
      return "an integer";
    }
    if (type == double.class || type == Double.class || type == float.class
        || type == Float.class || type == BigDecimal.class || type == Number.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(String::valueOf)
          .collect(Collectors.joining(", "));
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    return "a mapping";
  }

  private static String rangeOf(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class) {
      return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return expected(type) + " in range";
  }

  private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
    List<Throwable> seen = new ArrayList<>();
    for (Throwable c = t; c != null && !seen.contains(c); c = c.getCause()) {
      seen.add(c);
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c;
  }
}
