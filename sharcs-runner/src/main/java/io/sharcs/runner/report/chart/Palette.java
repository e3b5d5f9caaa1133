package io.sharcs.runner.report.chart;

import java.util.List;

/**
 * The Okabe-Ito colours: eight categorical colours told apart with any common colour vision
 * deficiency. Black is moved last (it is the axis colour); more categories than colours cycle.
 */
public final class Palette {

  private static final List<String> COLOURS = List.of(
      "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000");

  private Palette() {}

  /** The colour of category {@code index} (0-based), cycling after eight. */
  public static String colour(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("colour index " + index + ", expected >= 0");
    }
    return COLOURS.get(index % COLOURS.size());
  }

  /** How many distinct colours there are. */
  public static int size() {
    return COLOURS.size();
  }
}
