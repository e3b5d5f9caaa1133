package io.sharcs.modality.graph;

import java.util.List;

/**
 * Where to draw the nodes of a graph: its own positions when it has usable ones, else a
 * deterministic force-directed layout (Fruchterman-Reingold started from a circle in node order,
 * with a fixed number of steps and no randomness). Coordinates are scaled so that the longer side
 * of their bounding box is [0, 1] and the shorter starts at 0, keeping the aspect ratio.
 */
final class GraphLayout {

  // Beyond this, the quadratic force layout costs more than a picture is worth; use the circle.
  private static final int MAX_FORCE_NODES = 400;
  private static final int STEPS = 200;

  private GraphLayout() {}

  /**
   * {@code [node][2]} coordinates in [0, 1], the longer side spanning all of it.
   *
   * @param links the undirected links to lay out, {@code {u, v}} with both in range
   */
  static double[][] of(GraphSample graph, List<int[]> links) {
    int n = graph.nodeCount();
    double[][] p = given(graph);
    if (p == null) {
      p = circle(n);
      if (n <= MAX_FORCE_NODES) {
        relax(p, links);
      }
    }
    return fit(p);
  }

  /** The sample's first two coordinates, or null when it has none or they are not finite. */
  private static double[][] given(GraphSample graph) {
    if (!graph.hasPositions()) {
      return null;
    }
    float[][] pos = graph.positions();
    if (pos.length != graph.nodeCount()) {
      return null;
    }
    double[][] p = new double[pos.length][2];
    for (int v = 0; v < pos.length; v++) {
      if (pos[v].length < 2 || !Float.isFinite(pos[v][0]) || !Float.isFinite(pos[v][1])) {
        return null;
      }
      p[v][0] = pos[v][0];
      p[v][1] = pos[v][1];
    }
    return p;
  }

  private static double[][] circle(int n) {
    double[][] p = new double[n][2];
    for (int v = 0; v < n; v++) {
      // Start at the top and go clockwise, as people read a clock.
      double a = 2 * Math.PI * v / Math.max(n, 1) - Math.PI / 2;
      p[v][0] = 0.5 + 0.4 * Math.cos(a);
      p[v][1] = 0.5 + 0.4 * Math.sin(a);
    }
    return p;
  }

  /** Fruchterman-Reingold in the unit square: all pairs repel, linked nodes attract. */
  private static void relax(double[][] p, List<int[]> links) {
    int n = p.length;
    if (n < 2) {
      return;
    }
    double k = Math.sqrt(1.0 / n);
    double[][] d = new double[n][2];
    for (int step = 0; step < STEPS; step++) {
      double temperature = 0.1 * (1 - (double) step / STEPS);
      for (double[] row : d) {
        row[0] = 0;
        row[1] = 0;
      }
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          double dx = p[i][0] - p[j][0];
          double dy = p[i][1] - p[j][1];
          double dist = Math.max(Math.hypot(dx, dy), 1e-4);
          double f = k * k / dist / dist;
          d[i][0] += dx * f;
          d[i][1] += dy * f;
          d[j][0] -= dx * f;
          d[j][1] -= dy * f;
        }
      }
      for (int[] e : links) {
        double dx = p[e[0]][0] - p[e[1]][0];
        double dy = p[e[0]][1] - p[e[1]][1];
        double dist = Math.max(Math.hypot(dx, dy), 1e-4);
        double f = dist / k;
        d[e[0]][0] -= dx * f;
        d[e[0]][1] -= dy * f;
        d[e[1]][0] += dx * f;
        d[e[1]][1] += dy * f;
      }
      for (int i = 0; i < n; i++) {
        double len = Math.hypot(d[i][0], d[i][1]);
        if (len > 0) {
          double move = Math.min(len, temperature) / len;
          p[i][0] += d[i][0] * move;
          p[i][1] += d[i][1] * move;
        }
      }
    }
  }

  /** Moves {@code p} to the origin and scales its longer side to 1, keeping the aspect ratio. */
  private static double[][] fit(double[][] p) {
    if (p.length == 0) {
      return p;
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (double[] q : p) {
      minX = Math.min(minX, q[0]);
      maxX = Math.max(maxX, q[0]);
      minY = Math.min(minY, q[1]);
      maxY = Math.max(maxY, q[1]);
    }
    double span = Math.max(maxX - minX, maxY - minY);
    double[][] out = new double[p.length][2];
    for (int v = 0; v < p.length; v++) {
      if (span > 0) {
        out[v][0] = (p[v][0] - minX) / span;
        out[v][1] = (p[v][1] - minY) / span;
      }
    }
    return out;
  }
}
