package io.sluice.models.generate.constrained;

import io.sluice.models.generate.LogitsConstraint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Drives a constraint the way a generator does, with random logits in place of a model. */
final class RandomLogitsDecoder {
  /** What one generation wrote and how it ended. */
  record Output(String text, int tokens, boolean complete, int multiByteTokens) {}

  private final TokenVocabulary vocabulary;
  private final int logitsLength;
  private final int[] endTokenIds;

  /** logitsLength may exceed the vocabulary, as with models whose embedding is padded. */
  RandomLogitsDecoder(TokenVocabulary vocabulary, int logitsLength, int... endTokenIds) {
    this.vocabulary = vocabulary;
    this.logitsLength = logitsLength;
    this.endTokenIds = endTokenIds;
  }

  Output decode(LogitsConstraint constraint, Random random, int maxTokens) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    float[] logits = new float[logitsLength];
    int tokens = 0;
    int multiByte = 0;
    while (tokens < maxTokens && !constraint.isComplete()) {
      for (int i = 0; i < logits.length; i++) {
        logits[i] = random.nextFloat();
      }
      constraint.maskLogits(logits);
      int chosen = argmax(logits);
      constraint.accept(chosen);
      tokens++;
      if (isEnd(chosen)) {
        break;
      }
      byte[] bytes = vocabulary.tokenBytes(chosen);
      text.writeBytes(bytes);
      multiByte += bytes.length > 1 ? 1 : 0;
    }
    return new Output(text.toString(StandardCharsets.UTF_8), tokens, constraint.isComplete(), multiByte);
  }

  private boolean isEnd(int token) {
    for (int id : endTokenIds) {
      if (id == token) {
        return true;
      }
    }
    return false;
  }

  private static int argmax(float[] logits) {
    int best = -1;
    for (int i = 0; i < logits.length; i++) {
      if (logits[i] != Float.NEGATIVE_INFINITY && (best < 0 || logits[i] > logits[best])) {
        best = i;
      }
    }
    if (best < 0) {
      throw new AssertionError("the mask allowed no token");
    }
    return best;
  }
}
