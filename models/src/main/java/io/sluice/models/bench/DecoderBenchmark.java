package io.sluice.models.bench;

import static io.sluice.models.bench.EncoderBenchmark.ints;
import static io.sluice.models.bench.EncoderBenchmark.option;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.sluice.models.decoder.DecoderConfig;
import io.sluice.models.decoder.LoadedDecoder;
import io.sluice.models.generate.ConstraintFactory;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.GenerationResult;
import io.sluice.models.generate.Generator;
import io.sluice.models.generate.constrained.JsonSchemaConstraints;
import io.sluice.models.generate.constrained.TokenVocabulary;
import io.sluice.models.runtime.DeviceChoice;
import io.sluice.models.text.TextTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Decoder generation speed on a random model shaped like SmolLM2-135M: generated tokens/s at several batch sizes,
 * the machine's matrix-multiply GFLOP/s measured in the same run, and the fraction of it generation reaches
 * (FLOPs per token x tokens/s / GFLOP/s); then JSON-Schema-constrained against unconstrained decoding of the same
 * lengths at each constrained batch size. Usage: {@code DecoderBenchmark [--threads 2] [--batches 1,8,32]
 * [--new-tokens 32] [--prompt-tokens 16] [--constrained-batch 1,8,32] [--rounds 2] [--device cpu]}.
 */
public final class DecoderBenchmark {
  /** Nested, with every kind of value the constraint handles; order and enums as an extraction schema has them. */
  static final String SCHEMA = """
      {"type": "object", "properties": {
        "name": {"type": "string", "maxLength": 24},
        "age": {"type": "integer"},
        "verified": {"type": "boolean"},
        "role": {"enum": ["admin", "user", "guest"]},
        "address": {"type": "object", "properties": {"city": {"type": "string", "maxLength": 16},
          "zip": {"type": "string", "maxLength": 8}}, "required": ["city"]},
        "tags": {"type": "array", "items": {"type": "string", "maxLength": 8}, "maxItems": 3}},
       "required": ["name", "age", "role", "address"]}""";

  private DecoderBenchmark() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(option(args, "--threads", "2"));
    int[] batches = ints(option(args, "--batches", "1,8,32"));
    int newTokens = Integer.parseInt(option(args, "--new-tokens", "32"));
    int promptTokens = Integer.parseInt(option(args, "--prompt-tokens", "16"));
    int[] constrainedBatches = ints(option(args, "--constrained-batch", "1,8,32"));
    int rounds = Integer.parseInt(option(args, "--rounds", "2"));
    String deviceSpec = option(args, "--device", "cpu");
    // PyTorch reads its thread counts once, when the engine starts
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

    DecoderConfig config = RandomDecoders.smolLm2Shape();
    Device device = DeviceChoice.resolve(deviceSpec, 0);
    System.out.printf(Locale.ROOT, "random SmolLM2-135M shape (hidden %d, %d layers, %d heads, %d kv heads, vocab %d,"
        + " tied), %s, threads %d, prompt %d tokens, %d new tokens (greedy, no end token), java %s%n",
        config.hiddenSize(), config.numLayers(), config.numHeads(), config.numKvHeads(), config.vocabSize(), device,
        threads, promptTokens, newTokens, System.getProperty("java.version"));
    byte[] tokenizerJson = SyntheticBpe.tokenizerJson(config.vocabSize(), RandomDecoders.SPECIAL_TOKENS);
    try (LoadedDecoder decoder = LoadedDecoder.randomWeights(config, device, DeviceChoice.precisionFor(device));
        TextTokenizer tokenizer = TextTokenizer.fromBytes(tokenizerJson, 0)) {
      GenerationParams greedy = GenerationParams.greedy(newTokens);
      Random random = new Random(42);
      System.out.println("matmul GFLOP/s is measured just before each row (FP32, [512 x " + config.hiddenSize()
          + "] x [" + config.hiddenSize() + " x " + config.intermediateSize() + "], same threads): a busy machine "
          + "slows both alike");
      System.out.println("| batch | generated tokens/s | matmul GFLOP/s | GFLOP per token | fraction of matmul GFLOP/s |");
      System.out.println("|---:|---:|---:|---:|---:|");
      double flopsPerToken = flopsPerToken(config, promptTokens + newTokens / 2);
      for (int batch : batches) {
        List<GenerationRequest> requests = requests(random, batch, promptTokens, config.vocabSize() - 3, greedy, null);
        Generator generator = new Generator(decoder, tokenizer, batch);
        generator.generate(requests.subList(0, 1)); // warm-up: first calls allocate and pick kernels
        double gflops = matmulGflops(device, config);
        double tokensPerSecond = tokensPerSecond(generator, requests);
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.3f | %.3f |%n", batch, tokensPerSecond, gflops,
            flopsPerToken / 1e9, flopsPerToken * tokensPerSecond / (gflops * 1e9));
      }
      constrainedVsFree(decoder, tokenizer, tokenizerJson, greedy, random, constrainedBatches, promptTokens, rounds);
    }
    System.out.println("peak RSS MB " + EncoderBenchmark.peakRssMb());
  }

  /**
   * Constrained against free decoding at each batch size, free given the same per-request lengths (see
   * {@link ConstraintCost}). Each batch size gets at least 4 requests; a warm-up on other prompts first fills the
   * mask table with the states every document passes through (a job's first records do the same for the rest).
   */
  private static void constrainedVsFree(LoadedDecoder decoder, TextTokenizer tokenizer, byte[] tokenizerJson,
      GenerationParams greedy, Random random, int[] batches, int promptTokens, int rounds) throws Exception {
    long compileStart = System.nanoTime();
    TokenVocabulary vocabulary = TokenVocabulary.fromTokenizerJson(
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(tokenizerJson));
    JsonSchemaConstraints schema = JsonSchemaConstraints.compile(SCHEMA, vocabulary);
    // constrained outputs end when the document closes: give them room (the budget forces them to close)
    int budget = Math.max(greedy.maxNewTokens() * 4, schema.minimumTokenBudget() * 2);
    CpuTimedConstraints constraints = new CpuTimedConstraints(schema.withTokenBudget(budget));
    double compileMs = (System.nanoTime() - compileStart) / 1e6;
    GenerationParams roomy = greedy.withMaxNewTokens(budget);
    int vocab = decoder.config().vocabSize() - 3;
    System.out.printf(Locale.ROOT, "constrained (nested JSON Schema, compiled in %.0f ms, token budget %d) vs free"
        + " decoding of the same lengths, %d rounds, arms alternated:%n", compileMs, budget, rounds);
    ConstraintCost.printHeader();
    GenerationResult first = null;
    for (int batch : batches) {
      Generator generator = new Generator(decoder, tokenizer, batch);
      generator.generate(requests(random, Math.min(batch, 4), promptTokens, vocab, roomy, constraints));
      List<GenerationRequest> constrained =
          requests(random, Math.max(batch, 4), promptTokens, vocab, roomy, constraints);
      GenerationResult firstOfRow = ConstraintCost.measureRow(generator, batch, constrained, constraints, rounds);
      if (first == null) {
        first = firstOfRow;
      }
    }
    System.out.println("mask states cached: " + schema.cachedStates() + "; first constrained output (" + first.finish()
        + ", " + first.generatedTokens() + " tokens): " + first.text()
        + (first.error() == null ? "" : " error: " + first.error()));
  }

  private static double tokensPerSecond(Generator generator, List<GenerationRequest> requests) {
    long start = System.nanoTime();
    List<GenerationResult> results = generator.generate(requests);
    double seconds = (System.nanoTime() - start) / 1e9;
    return results.stream().mapToInt(GenerationResult::generatedTokens).sum() / seconds;
  }

  private static List<GenerationRequest> requests(Random random, int count, int promptTokens, int vocab,
      GenerationParams params, ConstraintFactory constraints) {
    List<GenerationRequest> out = new ArrayList<>();
    GenerationParams noStops = params.withStops(Set.of(), List.of());
    for (int i = 0; i < count; i++) {
      long[] ids = new long[promptTokens];
      for (int t = 0; t < ids.length; t++) {
        ids[t] = random.nextInt(vocab);
      }
      out.add(new GenerationRequest("bench-" + i, ids, noStops.withSeed(i), constraints));
    }
    return out;
  }

  /**
   * Forward FLOPs of one generated token: 2 per multiply-add of every projection and of the output layer, plus
   * attention over {@code context} cached positions (scores and weighted sum).
   */
  static double flopsPerToken(DecoderConfig c, int context) {
    long h = c.hiddenSize();
    long q = (long) c.numHeads() * c.headDim();
    long kv = (long) c.numKvHeads() * c.headDim();
    long perLayer = h * q + 2 * h * kv + q * h + 3 * h * c.intermediateSize() + 2 * q * context;
    return 2.0 * (c.numLayers() * perLayer + h * c.vocabSize());
  }

  /** FP32 matrix-multiply throughput with the engine's threads, on a shape of the model's MLP. */
  private static double matmulGflops(Device device, DecoderConfig c) {
    try (NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
      int m = 512;
      NDArray a = manager.randomNormal(new Shape(m, c.hiddenSize()));
      NDArray b = manager.randomNormal(new Shape(c.hiddenSize(), c.intermediateSize()));
      for (int i = 0; i < 3; i++) {
        a.matMul(b).close();
      }
      int reps = 0;
      long start = System.nanoTime();
      while (System.nanoTime() - start < 2_000_000_000L) {
        a.matMul(b).toFloatArray(); // read back, so no asynchronous device work goes unmeasured
        reps++;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      return 2.0 * m * c.hiddenSize() * c.intermediateSize() * reps / seconds / 1e9;
    }
  }
}
