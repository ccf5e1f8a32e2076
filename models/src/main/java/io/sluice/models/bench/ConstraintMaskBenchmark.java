package io.sluice.models.bench;

import io.sluice.models.generate.LogitsConstraint;
import io.sluice.models.generate.constrained.JsonSchemaConstraints;
import io.sluice.models.generate.constrained.SyntheticByteVocabulary;
import io.sluice.models.generate.constrained.TokenVocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * The per-step cost of JSON-schema masking at a SmolLM2-sized vocabulary (49,152 byte-level tokens, synthetic:
 * no tokenizer can be downloaded here), driven by random logits. Times maskLogits + accept per step, and as the
 * reference in the same loop one argmax pass over the same logits (the least any sampler does per step). The
 * first generations fill the mask cache ("cold"); later ones show the steady state ("warm"). Usage:
 * {@code ConstraintMaskBenchmark [--vocab 49152] [--generations 300] [--budget 400] [--schema FILE] [--seed 1]}.
 */
public final class ConstraintMaskBenchmark {
  private static final String DEFAULT_SCHEMA = "nested-record.schema.json";
  private static final int COLD_GENERATIONS = 20;

  private ConstraintMaskBenchmark() {}

  /** The nested schema the benchmark (and the 1,000-generation test) decode. */
  public static String defaultSchema() {
    try (InputStream in = ConstraintMaskBenchmark.class.getResourceAsStream(DEFAULT_SCHEMA)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void main(String[] args) throws IOException {
    int vocabularySize = Integer.parseInt(EncoderBenchmark.option(args, "--vocab", "49152"));
    int generations = Integer.parseInt(EncoderBenchmark.option(args, "--generations", "300"));
    int budget = Integer.parseInt(EncoderBenchmark.option(args, "--budget", "400"));
    long seed = Long.parseLong(EncoderBenchmark.option(args, "--seed", "1"));
    String schemaFile = EncoderBenchmark.option(args, "--schema", null);
    String schema = schemaFile == null ? defaultSchema() : Files.readString(Path.of(schemaFile));

    long start = System.nanoTime();
    TokenVocabulary vocabulary = SyntheticByteVocabulary.build(vocabularySize, seed);
    JsonSchemaConstraints constraints =
        JsonSchemaConstraints.compile(schema, vocabulary, SyntheticByteVocabulary.END_OF_TEXT);
    System.out.printf(Locale.ROOT, "vocabulary %d tokens (longest %d bytes), schema compiled and trie built in %.0f ms%n",
        vocabulary.size(), vocabulary.maxTokenBytes(), (System.nanoTime() - start) / 1e6);

    Random random = new Random(seed);
    Timing cold = run(constraints, vocabulary, random, COLD_GENERATIONS, budget);
    cold.print("cold (first " + COLD_GENERATIONS + " documents, masks computed)", constraints);
    Timing warm = run(constraints, vocabulary, random, generations, budget);
    warm.print("warm (next " + generations + " documents)", constraints);
  }

  private static Timing run(JsonSchemaConstraints constraints, TokenVocabulary vocabulary, Random random,
      int generations, int budget) {
    Timing timing = new Timing();
    float[] logits = new float[vocabulary.size()];
    for (int g = 0; g < generations; g++) {
      LogitsConstraint constraint = constraints.newConstraint(budget);
      while (!constraint.isComplete()) {
        for (int i = 0; i < logits.length; i++) {
          logits[i] = random.nextFloat();
        }
        long t0 = System.nanoTime();
        int reference = argmax(logits);
        long t1 = System.nanoTime();
        constraint.maskLogits(logits);
        int chosen = argmax(logits);
        constraint.accept(chosen);
        long t2 = System.nanoTime();
        timing.add(t1 - t0, t2 - t1 - (t1 - t0), reference);
        if (chosen == SyntheticByteVocabulary.END_OF_TEXT) {
          break;
        }
      }
    }
    return timing;
  }

  private static int argmax(float[] logits) {
    int best = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Sums of per-step times; the reference's result is kept so the JIT cannot drop the pass. */
  private static final class Timing {
    private long steps;
    private long argmaxNanos;
    private long maskNanos;
    private long sink;

    void add(long argmax, long mask, int reference) {
      steps++;
      argmaxNanos += argmax;
      maskNanos += Math.max(0, mask);
      sink += reference;
    }

    void print(String label, JsonSchemaConstraints constraints) {
      double maskPerStep = (double) maskNanos / steps;
      double argmaxPerStep = (double) argmaxNanos / steps;
      System.out.printf(Locale.ROOT, "%s: %d steps, mask+accept %.1f us/step (%.0f masks/s), one argmax pass %.1f us/step,"
              + " ratio %.2f; %d states cached%s%n", label, steps, maskPerStep / 1e3, 1e9 / maskPerStep,
          argmaxPerStep / 1e3, maskPerStep / argmaxPerStep, constraints.cachedStates(), sink == 42 ? " " : "");
    }
  }
}
