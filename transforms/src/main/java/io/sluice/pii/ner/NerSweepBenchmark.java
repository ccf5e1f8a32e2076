package io.sluice.pii.ner;

import io.sluice.bench.ProcessClock;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.ner.NerModel;
import io.sluice.models.ner.TrainingDocumentGenerator;
import io.sluice.models.runtime.InferenceStats;
import io.sluice.models.runtime.ModelCache;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the default sweep's analyzer with the NER recognizer on, against the same analyzer with
 * patterns only, on generated business documents (a seed no training run uses), in bundles as a DoFn sees
 * them. Prints documents/s, model tokens/s (content word pieces) and the share of wall time spent in the model.
 *
 * <p>Usage: {@code NerSweepBenchmark [documents=400] [bundle=64]}; set PyTorch's threads with
 * {@code -Dai.djl.pytorch.num_threads=N}.
 */
public final class NerSweepBenchmark {
  private static final long SEED = 424_242L;

  private NerSweepBenchmark() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int bundle = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    List<String> texts = new TrainingDocumentGenerator(SEED).generate(count, "bench-").stream()
        .map(GoldDocument::text).toList();
    long chars = texts.stream().mapToLong(String::length).sum();
    Policy withNer = PolicyLoader.defaultPolicy();
    Policy patternsOnly = PolicyLoader.defaultPolicy();
    patternsOnly.recognizers.clear();
    try (ModelCache.Lease<NerModel> model = NerModel.shared(null, "cpu", 0);
        Analyzer ner = Analyzer.fromPolicy(withNer);
        Analyzer patterns = Analyzer.fromPolicy(patternsOnly)) {
      long contentTokens = texts.stream().mapToLong(t -> model.get().encoder().tokenizer().tokenize(t).size()).sum();
      run(ner, texts.subList(0, Math.min(bundle, texts.size())), bundle); // warm-up
      run(patterns, texts.subList(0, Math.min(bundle, texts.size())), bundle);
      double patternSeconds = run(patterns, texts, bundle);
      InferenceStats stats = model.get().encoder().stats();
      long tokensBefore = stats.realTokens();
      ProcessClock clock = ProcessClock.start();
      double nerSeconds = run(ner, texts, bundle);
      double nerCpuSeconds = clock.cpuSeconds();
      long modelTokens = stats.realTokens() - tokensBefore;
      System.out.printf(Locale.ROOT, "corpus: %d documents, %d chars, %d content tokens (%.0f per document)%n",
          count, chars, contentTokens, (double) contentTokens / count);
      System.out.printf(Locale.ROOT, "patterns only: %.1f s, %.1f documents/s%n", patternSeconds, count / patternSeconds);
      System.out.printf(Locale.ROOT, "with slm-ner:  %.1f s, %.1f documents/s, %.0f content tokens/s"
              + " (%d tokens through the encoder incl. specials and window overlap)%n",
          nerSeconds, count / nerSeconds, contentTokens / nerSeconds, modelTokens);
      // on a shared machine wall time measures the neighbours too: CPU time says what 2 dedicated cores would do
      System.out.printf(Locale.ROOT, "with slm-ner:  %.1f CPU-s for the process, %.0f content tokens per CPU-second"
          + " (x2 = %.0f tokens/s if both cores were ours and scaling were linear)%n",
          nerCpuSeconds, contentTokens / nerCpuSeconds, 2 * contentTokens / nerCpuSeconds);
      System.out.printf(Locale.ROOT, "share of time in the model: %.0f%%; padding fraction %.2f%n",
          100 * Math.max(0, nerSeconds - patternSeconds) / nerSeconds, stats.paddingFraction());
      System.out.printf(Locale.ROOT, "pytorch threads: %s, available processors: %d, load average: %.1f%n",
          System.getProperty("ai.djl.pytorch.num_threads", "default"), Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static double run(Analyzer analyzer, List<String> texts, int bundle) {
    long start = System.nanoTime();
    for (int from = 0; from < texts.size(); from += bundle) {
      analyzer.analyzeAll(texts.subList(from, Math.min(texts.size(), from + bundle)));
    }
    return (System.nanoTime() - start) / 1e9;
  }
}
