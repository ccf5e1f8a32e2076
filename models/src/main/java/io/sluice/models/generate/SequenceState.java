package io.sluice.models.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** One request while it occupies a cache slot: its output so far, random generator, constraint and seen tokens. */
final class SequenceState {
  final GenerationRequest request;
  final LogitsConstraint constraint;
  final SplittableRandom rng;
  private final boolean[] seenMask;
  private int[] seen;
  private int seenCount;
  private long[] output = new long[16];
  private int outputCount;

  SequenceState(GenerationRequest request, int vocabSize) {
    this.request = request;
    this.constraint = request.constraints() == null ? null : request.constraints().newConstraint();
    this.rng = new SplittableRandom(request.params().seed());
    this.seenMask = new boolean[vocabSize];
    this.seen = new int[Math.min(vocabSize, request.promptIds().length + 16)];
    for (long id : request.promptIds()) {
      markSeen((int) id);
    }
  }

  int chooseNext(float[] logits) {
    return TokenSampler.next(logits, request.params(), rng, seen, seenCount, constraint);
  }

  void append(int token) {
    if (outputCount == output.length) {
      output = Arrays.copyOf(output, output.length * 2);
    }
    output[outputCount++] = token;
    markSeen(token);
    if (constraint != null) {
      constraint.accept(token);
    }
  }

  long[] output() {
    return Arrays.copyOf(output, outputCount);
  }

  int outputCount() {
    return outputCount;
  }

  long lastToken() {
    return output[outputCount - 1];
  }

  private void markSeen(int token) {
    if (token < 0 || token >= seenMask.length) {
      throw new IllegalArgumentException("token id " + token + " is outside the vocabulary of " + seenMask.length);
    }
    if (!seenMask[token]) {
      seenMask[token] = true;
      if (seenCount == seen.length) {
        seen = Arrays.copyOf(seen, Math.min(seenMask.length, seen.length * 2));
      }
      seen[seenCount++] = token;
    }
  }
}
