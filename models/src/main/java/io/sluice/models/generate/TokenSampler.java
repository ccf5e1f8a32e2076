package io.sluice.models.generate;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * Chooses the next token from one row of logits, in Java, with the sequence's own random generator: a request's
 * output then depends only on its own logits and seed, never on which other requests share the batch.
 * Order as in transformers: repetition penalty, constraint mask, then temperature, top-k, top-p, draw.
 */
public final class TokenSampler {
  private TokenSampler() {}

  /**
   * @param logits modified in place
   * @param seen tokens already in the sequence (prompt and output), each once, for the repetition penalty
   * @return the chosen token id
   */
  public static int next(float[] logits, GenerationParams p, RandomGenerator rng, int[] seen, int seenCount,
      LogitsConstraint constraint) {
    if (p.repetitionPenalty() != 1.0) {
      float penalty = (float) p.repetitionPenalty();
      for (int i = 0; i < seenCount; i++) {
        float l = logits[seen[i]];
        logits[seen[i]] = l > 0 ? l / penalty : l * penalty;
      }
    }
    if (constraint != null) {
      constraint.maskLogits(logits);
    }
    int best = argMax(logits);
    if (logits[best] == Float.NEGATIVE_INFINITY) {
      throw new IllegalStateException("no token is allowed at this step");
    }
    if (!p.sample()) {
      return best;
    }
    double[] weights = new double[logits.length];
    double max = logits[best];
    for (int i = 0; i < logits.length; i++) {
      weights[i] = logits[i] == Float.NEGATIVE_INFINITY ? 0 : Math.exp((logits[i] - max) / p.temperature());
    }
    if (p.topK() > 0 && p.topK() < logits.length) {
      keepTopK(weights, p.topK());
    }
    if (p.topP() < 1.0) {
      keepTopP(weights, p.topP());
    }
    return draw(weights, rng);
  }

  static int argMax(float[] logits) {
    int best = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Zeroes every weight below the k-th largest (ties with it are kept, as transformers keeps them). */
  private static void keepTopK(double[] weights, int k) {
    PriorityQueue<Double> largest = new PriorityQueue<>(k + 1);
    for (double w : weights) {
      if (largest.size() < k) {
        largest.add(w);
      } else if (w > largest.peek()) {
        largest.poll();
        largest.add(w);
      }
    }
    double kth = largest.peek();
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < kth) {
        weights[i] = 0;
      }
    }
  }

  /**
   * Keeps the most probable tokens whose probabilities first reach {@code topP} together. Only tokens above a
   * threshold are sorted: the threshold is lowered by factors of 16 until those tokens hold topP of the mass,
   * so a 150k-token vocabulary is not sorted at every step.
   */
  private static void keepTopP(double[] weights, double topP) {
    double total = 0;
    double max = 0;
    for (double w : weights) {
      total += w;
      max = Math.max(max, w);
    }
    double needed = topP * total;
    double threshold = max;
    int[] candidates;
    while (true) {
      double mass = 0;
      int count = 0;
      for (double w : weights) {
        if (w >= threshold && w > 0) {
          mass += w;
          count++;
        }
      }
      if (mass >= needed || threshold == 0) {
        candidates = new int[count];
        int n = 0;
        for (int i = 0; i < weights.length; i++) {
          if (weights[i] >= threshold && weights[i] > 0) {
            candidates[n++] = i;
          }
        }
        break;
      }
      threshold = threshold < Double.MIN_NORMAL ? 0 : threshold / 16;
    }
    Integer[] order = Arrays.stream(candidates).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (a, b) -> Double.compare(weights[b], weights[a]));
    boolean[] keep = new boolean[weights.length];
    double cumulative = 0;
    for (int token : order) {
      keep[token] = true;
      cumulative += weights[token];
      if (cumulative >= needed) {
        break;
      }
    }
    for (int i = 0; i < weights.length; i++) {
      if (!keep[i]) {
        weights[i] = 0;
      }
    }
  }

  private static int draw(double[] weights, RandomGenerator rng) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = rng.nextDouble() * total;
    int last = -1;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        last = i;
        r -= weights[i];
        if (r < 0) {
          return i;
        }
      }
    }
    return last; // rounding left a sliver of mass: the last candidate takes it
  }
}
