package io.sharcs.runner.plugins;

import com.fasterxml.jackson.databind.JsonNode;
import io.sharcs.api.InvalidInputException;
import io.sharcs.api.ModalityReaders;
import io.sharcs.core.data.ModalityBinding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link ModalityReaders} of an experiment: each modality name reads with the plugin the
 * experiment binds to it. The only place where the runner asks a plugin to read a sample.
 */
public final class PluginReaders implements ModalityReaders {

  private final Map<String, ModalityBinding> byName = new LinkedHashMap<>();

  private PluginReaders(List<ModalityBinding> bindings) {
    bindings.forEach(b -> byName.put(b.name(), b));
  }

  /** Readers for the experiment's bound modalities. */
  public static PluginReaders of(List<ModalityBinding> bindings) {
    return new PluginReaders(bindings);
  }

  /**
   * Readers that read nothing and hand back each value as its tree: for learning which
   * modalities a data set reads, never for training.
   */
  public static ModalityReaders trees() {
    return (modality, value, where) -> value;
  }

  /**
   * @throws UnboundModality if the experiment binds no plugin to {@code modality}
   */
  @Override
  public Object read(String modality, JsonNode value, String where) {
    ModalityBinding binding = byName.get(modality);
    if (binding == null) {
      throw new UnboundModality(modality, where, byName.keySet().toString());
    }
    return binding.modality().reader().read(value, where);
  }

  /** A data set read a modality that the experiment does not bind. */
  public static final class UnboundModality extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    UnboundModality(String modality, String where, String bound) {
      super(where + ": found modality '" + modality + "', expected one of the experiment's"
          + " modalities " + bound);
    }
  }
}
