package io.sluice.models.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.ModelLoader;
import io.sluice.models.extract.LabelledDocument;
import io.sluice.models.extract.SpanFieldExtractor;
import io.sluice.models.ner.NerModelConfig;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Span-mode extraction throughput (documents/s) against the bare encoder pass over the same documents in the
 * same process: the encoder is most of the cost, so the ratio shows what tagging, decoding and value assembly add.
 * Rounds alternate between the two so machine noise hits both alike. Usage:
 * {@code SpanExtractionBenchmark --data FILE [--format sroie|jsonl] [--model conf/extract/sroie/model]
 * [--documents 200] [--bundle 32] [--threads 2] [--rounds 2]}.
 */
public final class SpanExtractionBenchmark {
  private SpanExtractionBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path model = Path.of(EncoderBenchmark.option(args, "--model", "conf/extract/sroie/model"));
    String data = EncoderBenchmark.option(args, "--data", null);
    if (data == null) {
      throw new IllegalArgumentException("--data FILE is required: labelled documents (e.g. the SROIE receipts with"
          + " --format sroie)");
    }
    LabelledDocument.Format format = LabelledDocument.Format.valueOf(
        EncoderBenchmark.option(args, "--format", "sroie").toUpperCase(Locale.ROOT));
    int documents = Integer.parseInt(EncoderBenchmark.option(args, "--documents", "200"));
    int bundle = Integer.parseInt(EncoderBenchmark.option(args, "--bundle", "32"));
    int threads = Integer.parseInt(EncoderBenchmark.option(args, "--threads", "2"));
    int rounds = Integer.parseInt(EncoderBenchmark.option(args, "--rounds", "2"));
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");

    List<LabelledDocument> all = LabelledDocument.read(Path.of(data), format);
    List<String> texts = all.subList(0, Math.min(documents, all.size())).stream().map(LabelledDocument::text).toList();
    long chars = texts.stream().mapToLong(String::length).sum();
    NerModelConfig config = NerModelConfig.fromJson(new ObjectMapper().readTree(model.resolve("config.json").toFile()));
    try (SpanFieldExtractor extractor = SpanFieldExtractor.open(model);
        ModelCache.Lease<EncoderModel> encoder = ModelLoader.sharedEncoder(config.encoderSpec("cpu"), 0)) {
      System.out.printf(Locale.ROOT, "%d documents (%d chars), bundles of %d, %d PyTorch threads, %d cpus%n",
          texts.size(), chars, bundle, threads, Runtime.getRuntime().availableProcessors());
      // warm-up: first calls allocate and pick kernels
      extractor.extract(texts.subList(0, Math.min(bundle, texts.size())));
      System.out.println("| round | span extraction docs/s | docs per CPU-s | encoder only docs/s | extraction/encoder |");
      System.out.println("|---:|---:|---:|---:|---:|");
      for (int r = 1; r <= rounds; r++) {
        long[] bare = time(() -> run(texts, bundle, b -> encoder.get().tokenStates(b)));
        long[] span = time(() -> run(texts, bundle, extractor::extract));
        double spanRate = texts.size() / (span[0] / 1e9);
        System.out.printf(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.2f |%n", r, spanRate,
            texts.size() / (span[1] / 1e9), texts.size() / (bare[0] / 1e9), (double) bare[0] / span[0]);
      }
    }
  }

  private static void run(List<String> texts, int bundle, java.util.function.Consumer<List<String>> f) {
    for (int from = 0; from < texts.size(); from += bundle) {
      f.accept(texts.subList(from, Math.min(texts.size(), from + bundle)));
    }
  }

  /** Wall and process CPU nanoseconds of one run. */
  private static long[] time(Runnable r) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long wall = System.nanoTime();
    r.run();
    return new long[] {System.nanoTime() - wall, os.getProcessCpuTime() - cpu};
  }
}
