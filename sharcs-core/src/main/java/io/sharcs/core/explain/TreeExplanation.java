package io.sharcs.core.explain;

import io.sharcs.core.analysis.ConceptTree;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A concept completeness tree kept as an explanation: the tree over the combined concepts, how
 * faithfully it mimics the network, and per node the samples shown in it.
 *
 * @param name {@code depth3} or {@code unlimited}
 * @param maxDepth the depth limit it was fitted with, 0 for none
 * @param tree the fitted tree (training rows: the analysis rows of the training split)
 * @param fidelity agreement with the network and accuracy on the test analysis rows
 * @param examples per node id, the data set samples of its {@link ConceptTree.Node#exampleRows}
 * @param sentences per split concept's feature name, the catalogue sentence of that concept
 */
public record TreeExplanation(
    String name,
    int maxDepth,
    ConceptTree tree,
    ConceptTree.Fidelity fidelity,
    Map<Integer, List<SampleRef>> examples,
    Map<String, String> sentences) {

  public TreeExplanation {
    examples = Collections.unmodifiableMap(new LinkedHashMap<>(examples));
    sentences = Collections.unmodifiableMap(new LinkedHashMap<>(sentences));
  }
}
