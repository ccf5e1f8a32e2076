package io.sluice.pii.analyzer;

import io.sluice.pii.Detection;
import io.sluice.pii.recognizers.BuiltInRecognizers;
import io.sluice.pii.recognizers.IndexedRecognizer;
import io.sluice.pii.recognizers.TextIndex;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.pii.operators.Anonymizer;
import io.sluice.pii.operators.KeyRing;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * Single-threaded throughput of PII detection on synthetic ~2 KB business documents, for a policy with
 * every built-in pattern entity enabled (default thresholds and phone regions). Prints MB/s for the bare
 * recognizer loop (shared index + all built-in recognizers) and for the full {@link Analyzer} (plus
 * context, thresholds, conflicts), and their ratio to a plain char loop, since absolute numbers vary
 * between machines.
 * Speeds are per CPU-second of the measuring thread, i.e. per core.
 *
 * <p>Usage: {@code AnalyzerThroughput [seconds-per-measurement=5] [documents=20000]}, or
 * {@code AnalyzerThroughput --corpus <jsonl file or folder> [--patterns-only] [seconds=5] [policy.yaml]} to
 * measure detection plus redaction (Analyzer.analyze + Anonymizer.anonymize, the sweep benchmark's bare
 * loop) over a JSONL corpus such as the one the sweep benchmark generates, with the default policy unless
 * one is given; {@code --patterns-only} drops the policy's model-based recognizers, as
 * {@code scripts/bench sweep --patterns-only} does. The default synthetic corpus holds several times more distinct phone candidates than
 * the phone recognizer's result cache, so passing over the same documents again does not flatter the number.
 */
public final class AnalyzerThroughput {

  private AnalyzerThroughput() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("--corpus")) {
      measureCorpus(args);
      return;
    }
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
    List<String> docs = new BenchmarkCorpus(42).documents(count);
    long bytes = 0;
    for (String d : docs) {
      bytes += d.getBytes(StandardCharsets.UTF_8).length;
    }
    Policy policy = allBuiltInEntities();
    List<IndexedRecognizer> recognizers = new ArrayList<>();
    for (String entity : Analyzer.supportedEntities()) {
      recognizers.add(BuiltInRecognizers.create(entity, policy));
    }
    System.out.printf("corpus: %d documents, %.1f KB average, %d built-in recognizers%n", docs.size(),
        bytes / 1024.0 / docs.size(), recognizers.size());

    ToIntFunction<String> bare = text -> {
      List<Detection> out = new ArrayList<>();
      TextIndex index = TextIndex.of(text);
      for (IndexedRecognizer r : recognizers) {
        r.analyze(index, out);
      }
      return out.size();
    };
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      ToIntFunction<String> full = text -> analyzer.analyze(text).size();
      measure("warm-up bare", docs, bytes, bare, seconds);
      measure("warm-up analyzer", docs, bytes, full, seconds);
      double referenceMbs = measure("reference char loop", docs, bytes, AnalyzerThroughput::countSpaces, seconds);
      double bareMbs = measure("bare recognizer loop", docs, bytes, bare, seconds);
      double fullMbs = measure("full analyzer", docs, bytes, full, seconds);
      System.out.printf("full analyzer / bare loop = %.2f; bare loop / reference char loop = %.3f%n",
          fullMbs / bareMbs, bareMbs / referenceMbs);
      printShares(docs, recognizers);
    }
  }

  private static void measureCorpus(String[] arguments) throws IOException {
    List<String> args = new ArrayList<>(List.of(arguments));
    boolean patternsOnly = args.remove("--patterns-only");
    List<String> docs = readJsonl(Path.of(args.get(1)));
    double seconds = args.size() > 2 ? Double.parseDouble(args.get(2)) : 5;
    Policy policy = args.size() > 3 ? PolicyLoader.load(Path.of(args.get(3))) : PolicyLoader.defaultPolicy();
    if (patternsOnly) {
      policy.recognizers.clear();
    }
    long bytes = 0;
    for (String d : docs) {
      bytes += d.getBytes(StandardCharsets.UTF_8).length;
    }
    System.out.printf("corpus: %d documents, %.1f MB, policy %s%s%n", docs.size(), bytes / 1e6, policy.name,
        patternsOnly ? ", patterns only" : "");
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      Anonymizer anonymizer = Anonymizer.fromPolicy(policy, KeyRing.resolve(policy));
      ToIntFunction<String> loop = text -> {
        List<Detection> found = analyzer.analyze(text);
        anonymizer.anonymize(text, found);
        return found.size();
      };
      measure("warm-up", docs, bytes, loop, seconds);
      measure("analyze + anonymize", docs, bytes, loop, seconds);
      printShares(docs, analyzer.indexedRecognizers());
    }
  }

  /** The "text" field of each line of a JSONL file, or of every .jsonl file in a folder. */
  private static List<String> readJsonl(Path corpus) throws IOException {
    List<Path> files;
    if (Files.isDirectory(corpus)) {
      try (Stream<Path> listed = Files.list(corpus)) {
        files = listed.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
      }
    } else {
      files = List.of(corpus);
    }
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          texts.add(json.readTree(line).path("text").asText());
        }
      }
    }
    return texts;
  }

  /**
   * Runs {@code run} over the corpus for about {@code seconds} of this thread's CPU time and returns MB
   * per CPU-second: on a shared, loaded machine wall-clock time measures the neighbours, CPU time
   * measures us. Wall-clock MB/s is printed alongside.
   */
  private static double measure(String label, List<String> docs, long corpusBytes, ToIntFunction<String> run,
      double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long wallStart = System.nanoTime();
    long processed = 0;
    long detections = 0;
    int passes = 0;
    while (threads.getCurrentThreadCpuTime() - cpuStart < seconds * 1e9) {
      for (String doc : docs) {
        detections += run.applyAsInt(doc);
      }
      processed += corpusBytes;
      passes++;
    }
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    double wall = (System.nanoTime() - wallStart) / 1e9;
    double mbs = processed / 1e6 / cpu;
    System.out.printf("%-22s %8.1f MB/s per CPU-second (%5.1f MB/s wall)  %8.0f docs/s  %.1f detections/doc%n",
        label, mbs, processed / 1e6 / wall, passes * docs.size() / cpu, (double) detections / (passes * docs.size()));
    return mbs;
  }

  /**
   * Share of the recognizer loop's CPU time (shared index + indexed recognizers, without context, conflicts
   * or redaction) spent in the shared index and in each recognizer, over one pass.
   */
  private static void printShares(List<String> docs, List<IndexedRecognizer> recognizers) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<TextIndex> indexes = new ArrayList<>(docs.size());
    long start = threads.getCurrentThreadCpuTime();
    for (String doc : docs) {
      indexes.add(TextIndex.of(doc));
    }
    long[] nanos = new long[recognizers.size() + 1];
    nanos[0] = threads.getCurrentThreadCpuTime() - start;
    List<Detection> sink = new ArrayList<>();
    for (int r = 0; r < recognizers.size(); r++) {
      long t = threads.getCurrentThreadCpuTime();
      for (TextIndex index : indexes) {
        recognizers.get(r).analyze(index, sink);
        sink.clear();
      }
      nanos[r + 1] = threads.getCurrentThreadCpuTime() - t;
    }
    long total = java.util.Arrays.stream(nanos).sum();
    StringBuilder line = new StringBuilder("time shares: index ").append(percent(nanos[0], total));
    for (int r = 0; r < recognizers.size(); r++) {
      line.append(", ").append(recognizers.get(r).name().replace("Recognizer", "")).append(' ')
          .append(percent(nanos[r + 1], total));
    }
    System.out.println(line);
  }

  private static String percent(long part, long total) {
    return String.format("%.0f%%", 100.0 * part / total);
  }

  /**
   * The reference: one pass over the chars counting whitespace, the least any analyzer must do. Its
   * speed tells how fast this machine is right now, which makes runs on different machines comparable.
   */
  private static int countSpaces(String text) {
    int spaces = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) <= ' ') {
        spaces++;
      }
    }
    return spaces;
  }

  private static Policy allBuiltInEntities() {
    Policy policy = new Policy();
    policy.name = "throughput";
    for (String entity : Analyzer.supportedEntities()) {
      policy.entities.put(entity, new Policy.EntityPolicy());
    }
    return policy;
  }
}
