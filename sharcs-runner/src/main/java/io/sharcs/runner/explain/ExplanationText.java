package io.sharcs.runner.explain;

import io.sharcs.runner.explain.SampleExplanation.ActiveConcept;
import io.sharcs.runner.explain.SampleExplanation.ClassProbability;
import io.sharcs.runner.explain.SampleExplanation.MissingModality;
import io.sharcs.runner.explain.SampleExplanation.Neighbour;
import io.sharcs.runner.explain.SampleExplanation.Neighbours;
import io.sharcs.runner.explain.SampleExplanation.PresentModality;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** A {@link SampleExplanation} as plain text lines for a terminal, columns aligned. */
public final class ExplanationText {

  private ExplanationText() {}

  /** The lines, without line breaks. */
  public static List<String> lines(SampleExplanation e) {
    List<String> out = new ArrayList<>();
    out.add(subject(e));
    out.add("predicted class " + e.predicted());
    int classWidth = e.probabilities().stream()
        .mapToInt(c -> c.className().length()).max().orElse(0);
    for (ClassProbability c : e.probabilities()) {
      out.add(String.format(Locale.ROOT, "  p(%s)%s = %.4f", c.className(),
          pad("", classWidth - c.className().length()), c.probability()));
    }
    for (PresentModality m : e.present()) {
      out.add("");
      out.add(m.modality() + ": present");
      concepts(out, "local concepts on", m.local());
      if (e.sharedSpace()) {
        concepts(out, "shared concepts on", m.shared());
      }
    }
    for (MissingModality m : e.missing()) {
      out.add("");
      out.add(String.format(Locale.ROOT,
          "%s: missing; stood in for by training sample %s (bank row %d, distance %.4f)",
          m.modality(), m.retrieved(), m.bankRow(), m.distance()));
    }
    out.add("");
    if (e.tree() == null) {
      out.add("tree: none in explanations.json");
    } else {
      out.add("tree " + e.tree().name() + " over the combined concepts:");
      for (SavedTree.Step s : e.tree().steps()) {
        out.add("  " + s.feature() + " = " + (s.on() ? 1 : 0));
      }
      out.add("  -> leaf " + e.tree().leaf() + ": class " + e.tree().leafClass() + ", "
          + (e.tree().agrees() ? "agrees with" : "disagrees with") + " the network ("
          + e.predicted() + ")");
    }
    out.add("");
    out.add("nearest training samples in concept space:");
    int width = e.neighbours().stream().mapToInt(n -> label(n).length()).max().orElse(0);
    for (Neighbours n : e.neighbours()) {
      out.add("  " + label(n) + pad("", width - label(n).length()) + "  "
          + n.nearest().stream().map(ExplanationText::neighbour)
              .collect(Collectors.joining(", ")));
    }
    return out;
  }

  private static String subject(SampleExplanation e) {
    if (e.sample() == null) {
      return "new sample from " + e.origin();
    }
    return "sample " + e.sample() + " (" + e.origin() + " split"
        + (e.trueClass() == null ? "" : ", true class " + e.trueClass()) + ")";
  }

  private static void concepts(List<String> out, String title, List<ActiveConcept> concepts) {
    if (concepts.isEmpty()) {
      out.add("  " + title + ": none");
      return;
    }
    out.add("  " + title + ":");
    int width = concepts.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    for (ActiveConcept c : concepts) {
      out.add(String.format(Locale.ROOT, "    %s  %.2f  %s",
          pad(c.name(), width), c.value(), c.sentence()).stripTrailing());
    }
  }

  private static String label(Neighbours n) {
    return n.modality() + (n.query().equals(n.modality()) ? "" : " (query: " + n.query() + ")");
  }

  private static String neighbour(Neighbour n) {
    return String.format(Locale.ROOT, "%s (%.4f)", n.sample(), n.distance());
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
