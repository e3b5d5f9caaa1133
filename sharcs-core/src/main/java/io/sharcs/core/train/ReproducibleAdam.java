package io.sharcs.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PyTorch's {@code torch.optim.Adam} (betas 0.9 and 0.999, eps 1e-8, no weight decay), fused
 * over parameters and reproducible.
 *
 * <p>Fused: the parameters that share a step count form a group whose moments live in two flat
 * arrays, so one Adam update is a handful of native operations on the group's concatenated
 * gradient instead of a dozen per parameter. The small models of this project have tens of
 * parameter arrays of a few hundred values each, where the per-operation overhead, not the
 * arithmetic, is the cost: the update was about a quarter of an XOR-AND-XOR training epoch.
 *
 * <p>Reproducible:
 *
 * <ul>
 *   <li>the bias corrections use {@link StrictMath}: {@code Math.pow} may return results one ulp
 *       apart depending on whether the JIT has compiled the caller yet, which made runs with the
 *       same seed diverge when JIT timing differed;
 *   <li>each parameter counts its own steps, as PyTorch does (DJL takes the maximum over all
 *       parameters): a parameter that starts training later starts at t = 1.
 * </ul>
 *
 * <p>Parameters may have their own learning rates ({@link #rates}), as PyTorch's parameter groups
 * allow; a group then holds the parameters with the same step count and rate.
 *
 * <p>Each update leaves the parameters' gradients zeroed, ready for the next backward pass.
 */
final class ReproducibleAdam {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;

  private final double learningRate;
  /** Moments of parameters outside the current groups, flat, and their step counts. */
  private final Map<Parameter, Moments> parked = new IdentityHashMap<>();
  /** The parameters with another learning rate than {@link #learningRate}. */
  private Map<Parameter, Double> rates = Map.of();
  private List<Group> groups = List.of();

  ReproducibleAdam(double learningRate) {
    this.learningRate = learningRate;
  }

  /**
   * Gives parameters their own learning rates, from the next {@link #train} on; parameters not in
   * {@code rates} keep the default one.
   */
  void rates(Map<Parameter, Double> rates) {
    Map<Parameter, Double> copy = new IdentityHashMap<>();
    copy.putAll(rates);
    this.rates = copy;
  }

  /**
   * Sets the parameters that the following updates change. Moments and step counts of every
   * parameter are kept across calls, also for parameters left out for a while.
   */
  void train(List<Parameter> parameters) {
    for (Group g : groups) {
      g.park(parked);
    }
    Map<GroupKey, List<Parameter>> byKey = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      Moments m = parked.get(p);
      GroupKey key = new GroupKey(m == null ? 0 : m.steps, rates.getOrDefault(p, learningRate));
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    List<Group> next = new ArrayList<>();
    for (Map.Entry<GroupKey, List<Parameter>> e : byKey.entrySet()) {
      next.add(new Group(e.getValue(), e.getKey().steps(), e.getKey().rate(), parked));
    }
    groups = next;
  }

  /** What the parameters of one group share. */
  private record GroupKey(int steps, double rate) {}

  /**
   * Applies {@code repeats} Adam updates with the current gradients (the reference steps twice
   * per batch with the same gradient), then zeroes the gradients.
   */
  void update(int repeats) {
    for (Group g : groups) {
      g.update(repeats);
    }
  }

  private record Moments(NDArray mean, NDArray variance, int steps) {}

  /**
   * Parameters with the same step count and learning rate, their moments concatenated in
   * parameter order.
   */
  private static final class Group {
    private final List<Parameter> parameters;
    private final double learningRate;
    private final long[] offsets;
    private final NDArray mean;
    private final NDArray variance;
    private final NDArray[] flatWeights;
    private final NDArray[] weightsViewed;
    private final NDArray[] flatGradients;
    private final NDArray[] gradientsViewed;
    private int steps;

    Group(
        List<Parameter> parameters,
        int steps,
        double learningRate,
        Map<Parameter, Moments> parked) {
      this.parameters = List.copyOf(parameters);
      this.steps = steps;
      this.learningRate = learningRate;
      int n = parameters.size();
      offsets = new long[n - 1];
      flatWeights = new NDArray[n];
      weightsViewed = new NDArray[n];
      flatGradients = new NDArray[n];
      gradientsViewed = new NDArray[n];
      NDList means = new NDList(n);
      NDList variances = new NDList(n);
      long offset = 0;
      for (int i = 0; i < n; i++) {
        Parameter p = parameters.get(i);
        NDArray w = p.getArray();
        Moments m = parked.remove(p);
        Shape flat = new Shape(w.size());
        means.add(m == null ? w.getManager().zeros(flat) : m.mean());
        variances.add(m == null ? w.getManager().zeros(flat) : m.variance());
        offset += w.size();
        if (i < n - 1) {
          offsets[i] = offset;
        }
      }
      mean = n == 1 ? means.get(0).duplicate() : NDArrays.concat(means);
      variance = n == 1 ? variances.get(0).duplicate() : NDArrays.concat(variances);
      means.close();
      variances.close();
    }

    void park(Map<Parameter, Moments> parked) {
      NDList means = split(mean);
      NDList variances = split(variance);
      for (int i = 0; i < parameters.size(); i++) {
        parked.put(
            parameters.get(i),
            new Moments(means.get(i).duplicate(), variances.get(i).duplicate(), steps));
      }
      means.close();
      variances.close();
      mean.close();
      variance.close();
      for (NDArray[] views : List.of(flatWeights, flatGradients)) {
        for (NDArray v : views) {
          if (v != null) {
            v.close();
          }
        }
      }
    }

    private NDList split(NDArray flat) {
      return offsets.length == 0 ? new NDList(flat.duplicate()) : flat.split(offsets);
    }

    void update(int repeats) {
      int n = parameters.size();
      NDList gradients = new NDList(n);
      for (int i = 0; i < n; i++) {
        gradients.add(flatGradient(i));
      }
      NDArray g = n == 1 ? gradients.get(0).duplicate() : NDArrays.concat(gradients);
      try (g;
          NDArray gScaled = g.mul(1f - BETA1);
          NDArray gSquared = g.square().muli(1f - BETA2)) {
        for (int r = 0; r < repeats; r++) {
          step(gScaled, gSquared);
        }
      }
      // Zeroed in place: the next backward pass accumulates into the same arrays.
      for (NDArray gradient : gradients) {
        gradient.subi(gradient);
      }
    }

    /** One Adam step: m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr/bc1 m/(sqrt(v/bc2)+eps). */
    private void step(NDArray gScaled, NDArray gSquared) {
      int t = ++steps;
      double bc1 = 1.0 - StrictMath.pow(BETA1, t);
      double bc2 = 1.0 - StrictMath.pow(BETA2, t);
      mean.muli(BETA1).addi(gScaled);
      variance.muli(BETA2).addi(gSquared);
      try (NDArray denominator = variance.sqrt()) {
        denominator.divi((float) StrictMath.sqrt(bc2)).addi(EPSILON);
        try (NDArray delta = mean.div(denominator)) {
          delta.muli((float) (learningRate / bc1));
          NDList parts = offsets.length == 0 ? new NDList(delta) : delta.split(offsets);
          try {
            for (int i = 0; i < parameters.size(); i++) {
              flatWeight(i).subi(parts.get(i));
            }
          } finally {
            if (offsets.length > 0) {
              parts.close();
            }
          }
        }
      }
    }

    /**
     * A flat view of parameter i's gradient, kept from step to step: once a backward pass has
     * given a parameter a gradient, PyTorch accumulates later ones into the same array (in place,
     * outside grad mode), and the update zeroes it in place, so the view stays the gradient.
     * Fetching and flattening every gradient at every step cost two engine calls per parameter.
     * Renewed if the parameter's array was replaced.
     */
    private NDArray flatGradient(int i) {
      NDArray w = parameters.get(i).getArray();
      if (gradientsViewed[i] != w) {
        if (flatGradients[i] != null) {
          flatGradients[i].close();
        }
        try (NDArray gradient = w.getGradient()) {
          flatGradients[i] = gradient.reshape(-1);
        }
        gradientsViewed[i] = w;
      }
      return flatGradients[i];
    }

    /** A flat view of parameter i's weight, renewed if the parameter's array was replaced. */
    private NDArray flatWeight(int i) {
      NDArray w = parameters.get(i).getArray();
      if (weightsViewed[i] != w) {
        if (flatWeights[i] != null) {
          flatWeights[i].close();
        }
        flatWeights[i] = w.reshape(-1);
        weightsViewed[i] = w;
      }
      return flatWeights[i];
    }
  }
}
