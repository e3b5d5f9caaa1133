package io.sharcs.runner.datasets.xor;

import io.sharcs.modality.graph.GraphSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the bits back from an XOR-AND-XOR graph's edge list and checks, on the way, that the
 * list is exactly what spec §1.1 prescribes: block A, block B, the bridge iff both cycles, then
 * PyG noise pairs. Any deviation fails with an {@link AssertionError}.
 */
final class XorGraphDecoder {

  /**
   * What a graph encodes.
   *
   * @param sixCycle 1 iff block B is a 6-cycle
   * @param fourCycle 1 iff block A is a 4-cycle
   * @param structureEdges the number of edges before the noise
   * @param noisePairs the number of noise pairs {@code (s, t)}, {@code s < t}, each added both ways
   */
  record Decoded(int sixCycle, int fourCycle, int structureEdges, int noisePairs) {
    List<Integer> contentKey() {
      return List.of(sixCycle, fourCycle);
    }
  }

  private XorGraphDecoder() {}

  static Decoded decode(GraphSample graph) {
    return decode(graph.edges(), graph.nodeCount());
  }

  static Decoded decode(XorGraph graph) {
    return decode(graph.edges(), graph.nodeCount());
  }

  private static Decoded decode(int[][] edges, int nodeCount) {
    if (nodeCount != 10) {
      throw new AssertionError("expected 10 nodes, got " + nodeCount);
    }
    int position = 0;
    int fourCycle = block(edges, position, 0, 4);
    position += blockLength(4, fourCycle);
    int sixCycle = block(edges, position, 4, 6);
    position += blockLength(6, sixCycle);
    if (fourCycle == 1 && sixCycle == 1) {
      int[] bridge = edges[position];
      if (bridge[0] < 0 || bridge[0] > 3 || bridge[1] < 4 || bridge[1] > 9) {
        throw new AssertionError("expected a bridge A->B, got " + Arrays.toString(bridge));
      }
      if (!Arrays.equals(edges[position + 1], new int[] {bridge[1], bridge[0]})) {
        throw new AssertionError("bridge not followed by its reverse");
      }
      position += 2;
    }
    int noiseEdges = edges.length - position;
    if (noiseEdges % 2 != 0) {
      throw new AssertionError("odd number of noise edges: " + noiseEdges);
    }
    int pairs = noiseEdges / 2;
    for (int i = 0; i < pairs; i++) {
      int[] forward = edges[position + i];
      int[] backward = edges[position + pairs + i];
      if (forward[0] >= forward[1]) {
        throw new AssertionError("noise pair not ascending: " + Arrays.toString(forward));
      }
      if (!Arrays.equals(backward, new int[] {forward[1], forward[0]})) {
        throw new AssertionError("noise pair " + i + " has no reverse");
      }
    }
    return new Decoded(sixCycle, fourCycle, position, pairs);
  }

  /** 1 if the edges at {@code position} are the ring of the block, 0 if only its self-loops. */
  private static int block(int[][] edges, int position, int start, int size) {
    for (int bit = 1; bit >= 0; bit--) {
      List<int[]> expected = expectedBlock(start, size, bit == 1);
      if (position + expected.size() <= edges.length
          && Arrays.deepEquals(
              Arrays.copyOfRange(edges, position, position + expected.size()),
              expected.toArray(new int[0][]))) {
        return bit;
      }
    }
    throw new AssertionError("no block of " + size + " nodes at edge " + position);
  }

  private static int blockLength(int size, int cycle) {
    return cycle == 1 ? 3 * size : size;
  }

  private static List<int[]> expectedBlock(int start, int size, boolean ring) {
    List<int[]> edges = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      edges.add(new int[] {start + i, start + i});
      if (ring) {
        edges.add(new int[] {start + i, start + (i + 1) % size});
        edges.add(new int[] {start + i, start + (i + size - 1) % size});
      }
    }
    return edges;
  }
}
