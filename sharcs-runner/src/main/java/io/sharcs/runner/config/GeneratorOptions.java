package io.sharcs.runner.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sharcs.api.DatasetGenerator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Binds a data set generator's {@code --key value} (or {@code --key=value}) command-line options
 * to its options record, with the same strict binder as experiment files: values are YAML
 * scalars, {@code --some-key} names the component {@code some_key}, the generator's defaults fill
 * what is left out, and every error is one line naming the option.
 */
public final class GeneratorOptions {

  private GeneratorOptions() {}

  /**
   * Binds {@code tokens} to {@code generator}'s options.
   *
   * @throws InputError naming the option on a malformed, unknown or invalid option
   */
  public static <O> O bind(DatasetGenerator<O> generator, List<String> tokens) {
    ObjectNode tree = ConfigMappers.yaml().createObjectNode();
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (!token.startsWith("--") || token.length() == 2) {
        throw new InputError(null, null, "got '" + token + "', expected --key value");
      }
      int eq = token.indexOf('=');
      String option = eq < 0 ? token : token.substring(0, eq);
      String text;
      if (eq >= 0) {
        text = token.substring(eq + 1);
      } else if (i + 1 < tokens.size()) {
        text = tokens.get(++i);
      } else {
        throw new InputError(null, option, "missing value, expected " + option + " VALUE");
      }
      String key = option.substring(2).toLowerCase(Locale.ROOT).replace('-', '_');
      if (tree.has(key)) {
        throw new InputError(null, option, "given twice, expected each option once");
      }
      tree.set(key, ConfigOverrides.parseValue(text, option, option, null));
    }
    Class<O> type = generator.optionsType();
    if (type.isRecord()) {
      List<String> known = new ArrayList<>();
      for (RecordComponent c : type.getRecordComponents()) {
        known.add(snakeCase(c.getName()));
      }
      Iterator<String> keys = tree.fieldNames();
      while (keys.hasNext()) {
        String key = keys.next();
        if (!known.contains(key)) {
          String expected = options(String.join(", ", new TreeSet<>(known)));
          throw new InputError(null, "--" + key.replace('_', '-'),
              "unknown option, expected one of " + expected);
        }
      }
    }
    ObjectNode merged = ConfigTrees.merge(
        ConfigMappers.yaml().valueToTree(generator.defaults()), tree);
    try {
      return new ConfigBinder(ConfigMappers.yaml(), null).bind(merged, type, ConfigPath.root());
    } catch (InputError e) {
      // Keys are options here: 'questions' is spelled --questions.
      String path = e.path() == null ? null : "--" + e.path().replace('_', '-');
      String problem = e.problem().startsWith("unknown key, expected one of ")
          ? "unknown option, expected one of "
              + options(e.problem().substring("unknown key, expected one of ".length()))
          : e.problem();
      throw new InputError(null, path, problem, e);
    }
  }

  private static String snakeCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** {@code a_b, c} as {@code --a-b, --c}. */
  private static String options(String list) {
    StringBuilder sb = new StringBuilder();
    for (String key : list.split(", ")) {
      sb.append(sb.length() == 0 ? "" : ", ").append("--").append(key.replace('_', '-'));
    }
    return sb.toString();
  }
}
