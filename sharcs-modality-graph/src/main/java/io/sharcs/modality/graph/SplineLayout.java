package io.sharcs.modality.graph;

/**
 * What the spline encoder's batches are made for, learned when the data set is inspected and
 * saved with the preprocessing: the pseudo-coordinate dimensions and the kernel and coarsening
 * options.
 *
 * @param dimensions D, the width of every edge's pseudo-coordinates (the {@code edge_attr} row
 *     width, else the position width); 1 to 3
 * @param kernelSize the knots per dimension
 * @param coarsening {@code graclus} or {@code none}
 */
public record SplineLayout(int dimensions, int kernelSize, String coarsening) {

  /** The largest pseudo-coordinate dimension: 3-D already means 125 kernel weights at size 5. */
  public static final int MAX_DIMENSIONS = 3;

  public SplineLayout {
    if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "dimensions must be in [1, " + MAX_DIMENSIONS + "], got " + dimensions);
    }
    // Validates kernel size and coarsening as the options do.
    SplineOptions checked = new SplineOptions(1, kernelSize, coarsening);
    coarsening = checked.coarsening();
  }

  /** The layout for {@code options} and pseudo-coordinates of {@code dimensions}. */
  static SplineLayout of(SplineOptions options, int dimensions) {
    return new SplineLayout(dimensions, options.kernelSize(), options.coarsening());
  }

  /** {@code K^D}, the kernel weights of one SplineConv input channel. */
  public int kernelCount() {
    return SplineStructure.kernelCount(kernelSize, dimensions);
  }

  /** Whether batches carry graclus clusters (else every node is its own cluster). */
  public boolean graclus() {
    return SplineOptions.GRACLUS.equals(coarsening);
  }

  /**
   * What keeps {@code graph} from being batched for this layout, or null: graclus needs
   * positions of D coordinates; edges need {@code edge_attr} rows of D values or positions to
   * compute them from.
   */
  String problem(GraphSample graph) {
    int posDims = graph.hasPositions() ? graph.positionCount(0) : 0;
    if (graclus() && !graph.hasPositions()) {
      return "found no 'pos', expected node positions (the spline encoder's graclus pooling"
          + " needs them; or set spline.coarsening: none)";
    }
    if (graph.hasPositions() && graclus() && posDims != dimensions) {
      return "found positions of " + posDims + " coordinates, expected " + dimensions
          + " like the pseudo-coordinates of the other graphs";
    }
    if (graph.hasEdgeAttributes() && graph.edgeCount() > 0) {
      int width = graph.edgeAttributeCount(0);
      if (width != dimensions) {
        return "found edge_attr rows of " + width + " values, expected " + dimensions
            + (graclus() ? " (the coordinates of 'pos': the coarsened graphs' pseudo-coordinates"
                + " are computed from the positions)" : " like the other graphs");
      }
      return null;
    }
    if (graph.edgeCount() > 0 && !graph.hasPositions()) {
      return "found neither 'edge_attr' nor 'pos', expected one of them (the spline encoder"
          + " needs pseudo-coordinates for the edges)";
    }
    if (graph.edgeCount() > 0 && posDims != dimensions) {
      return "found positions of " + posDims + " coordinates, expected " + dimensions
          + " like the pseudo-coordinates of the other graphs";
    }
    return null;
  }
}
