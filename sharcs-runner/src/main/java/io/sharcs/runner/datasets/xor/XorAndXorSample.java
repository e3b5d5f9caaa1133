package io.sharcs.runner.datasets.xor;

/**
 * One generated XOR-AND-XOR sample: its three hidden bits and its four renderings.
 *
 * <p>A <em>content</em> is a pair (six-cycle bit, four-cycle bit). The graph shows {@code (f3,
 * f2)} and the table shows {@code (f1, f2)}; each also exists rendered in the other modality.
 *
 * @param f1 the table's six-cycle bit (table position 1), 0 or 1
 * @param f2 the four-cycle bit both modalities share (graph block A, table position 4), 0 or 1
 * @param f3 the graph's six-cycle bit (graph block B), 0 or 1
 * @param graph the graph input, content {@code (f3, f2)}
 * @param table the table input, content {@code (f1, f2)}
 * @param graphAsTable the graph's content rendered as a table (the reference's {@code graph_aux})
 * @param tableAsGraph the table's content rendered as a graph (the reference's {@code x_tab} and
 *     {@code aux_edge_index})
 */
public record XorAndXorSample(
    int f1,
    int f2,
    int f3,
    XorGraph graph,
    XorRow table,
    XorRow graphAsTable,
    XorGraph tableAsGraph) {

  public XorAndXorSample {
    requireBit("f1", f1);
    requireBit("f2", f2);
    requireBit("f3", f3);
  }

  /** 1 iff {@code (f1 xor f2) and (f2 xor f3)}: neither modality alone determines it. */
  public int label() {
    return (f1 ^ f2) & (f2 ^ f3);
  }

  private static void requireBit(String name, int value) {
    if (value != 0 && value != 1) {
      throw new IllegalArgumentException(name + " is " + value + ", expected 0 or 1");
    }
  }
}
