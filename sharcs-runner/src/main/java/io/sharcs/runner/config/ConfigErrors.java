package io.sharcs.runner.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.sharcs.api.InvalidConfigException;
import java.io.CharConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Turns Jackson's exceptions into {@link InputError}s of the form {@code <file>: <path>: <what
 * was found>, <what is expected>}, using the exception's path and the tree that was bound.
 */
public final class ConfigErrors {

  /** Jackson's message for YAML's {@code .nan}, {@code .inf} and {@code -.inf}. */
  private static final Pattern NON_FINITE =
      Pattern.compile("Malformed numeric value '([-+]?)\\.(nan|inf)'",
          Pattern.CASE_INSENSITIVE);

  /** Jackson's JSON message for a control character outside a string. */
  private static final Pattern CONTROL = Pattern.compile("CTRL-CHAR, code (\\d+)");

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
    InputError special = notText(e, file);
    if (special == null) {
      special = nonFiniteNumber(e, file);
    }
    if (special != null) {
      return special;
    }
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
   * Translates a failure of a file's content after parsing, before binding: more than the one
   * top-level value (a second YAML document, more JSON after the object), or null when {@code e}
   * is no such failure.
   */
  public static InputError trailingContent(MismatchedInputException e, String file, boolean yaml) {
    String original = e.getOriginalMessage();
    if (original == null || !original.startsWith("Trailing token")) {
      return null;
    }
    JsonLocation loc = e.getLocation();
    String at = loc != null && loc.getLineNr() > 0 ? " at line " + loc.getLineNr() : "";
    return new InputError(
        file, null,
        yaml
            ? "found a second YAML document" + at + ", expected one"
            : "found more JSON after the top-level value" + at + ", expected one value",
        e);
  }

  /**
   * Bytes that are no text (a binary file, another encoding than UTF-8): one line without the
   * parser's internals, or null when {@code e} is no such failure.
   */
  private static InputError notText(JsonParseException e, String file) {
    String detail = null;
    CharConversionException conversion = findCause(e, CharConversionException.class);
    ReaderException control = findCause(e, ReaderException.class);
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher ctrl = CONTROL.matcher(original);
    if (conversion != null) {
      detail = conversion.getMessage();
    } else if (original.startsWith("Invalid UTF-8")) {
      detail = original;
    } else if (control != null) {
      detail = String.format(Locale.ROOT, "control character 0x%02x", control.getCodePoint());
    } else if (ctrl.find()) {
      detail = String.format(
          Locale.ROOT, "control character 0x%02x", Integer.parseInt(ctrl.group(1)));
    }
    if (detail == null) {
      return null;
    }
    int paren = detail.indexOf(" (");
    detail = paren > 0 ? detail.substring(0, paren) : detail;
    detail = detail.isEmpty()
        ? "unreadable"
        : Character.toLowerCase(detail.charAt(0)) + detail.substring(1);
    return new InputError(
        file, null, "not a text file (" + InputError.oneLine(detail) + "), expected YAML or JSON",
        e);
  }

  /**
   * YAML's {@code .nan} and {@code .inf}: valid YAML that Jackson cannot read as a number, reported
   * at the field, as the value no option accepts; null when {@code e} is no such failure.
   */
  private static InputError nonFiniteNumber(JsonParseException e, String file) {
    String value = nonFinite(e);
    JsonParser parser = e.getProcessor();
    if (value == null || parser == null) {
      return null;
    }
    ConfigPath path = pathOf(parser.getParsingContext());
    if (path.isRoot()) {
      return null;
    }
    return new InputError(
        file, path.toString(), "got " + value + ", expected a finite number", e);
  }

  /**
   * {@code NaN}, {@code infinity} or {@code -infinity} when {@code e} is Jackson's failure to read
   * YAML's {@code .nan}, {@code .inf} or {@code -.inf} as a number, else null.
   */
  public static String nonFinite(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    Matcher m = NON_FINITE.matcher(original == null ? "" : original);
    if (!m.find()) {
      return null;
    }
    return m.group(2).equalsIgnoreCase("nan") ? "NaN"
        : (m.group(1).equals("-") ? "-" : "") + "infinity";
  }

  /** The path of the value a parser is at. */
  private static ConfigPath pathOf(JsonStreamContext context) {
    List<JsonStreamContext> chain = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      chain.add(0, c);
    }
    ConfigPath path = ConfigPath.root();
    for (JsonStreamContext c : chain) {
      if (c.inObject() && c.getCurrentName() != null) {
        path = path.key(c.getCurrentName());
      } else if (c.inArray()) {
        path = path.index(Math.max(0, c.getCurrentIndex()));
      }
    }
    return path;
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
      // A scalar inside a list (an entry of trainable: [...]) names the list's key: the error
      // belongs to the entry, not to a key below it.
      boolean fieldNamed = invalid.field().equals(path.lastKey())
          || (!valueIsRecord && invalid.field().equals(enclosingKey(path)));
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

  /** The last key of {@code path} with the list indices after it skipped, or null. */
  private static String enclosingKey(ConfigPath path) {
    List<Object> s = path.segments();
    for (int i = s.size() - 1; i >= 0; i--) {
      if (s.get(i) instanceof String key) {
        return key;
      }
    }
    return null;
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
