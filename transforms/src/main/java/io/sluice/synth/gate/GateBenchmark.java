package io.sluice.synth.gate;

import io.sluice.bench.ProcessClock;
import io.sluice.pii.Detection;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.Document;
import io.sluice.schemas.InjectedValue;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.RecordFactory;
import io.sluice.synth.ScanPolicy;
import io.sluice.synth.SpecLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;

/**
 * Cost of the synthesis gate per record: each part's own code timed alone in one thread (thread CPU time, so
 * other load on the machine does not count), then the whole {@link SynthesisGate} on the DirectRunner (process
 * CPU time of all threads), whose ratio to the sum of the parts is the price of running it as a pipeline
 * (coders, shuffles, the runner's own bookkeeping).
 *
 * <p>Records look like generated support tickets (~80 words, an injected name and e-mail address each); 1% copy a
 * source document (half verbatim, half with 3 words changed), 1% repeat an earlier record exactly, 1% change 3
 * words of one. The source corpus has documents of 150 words.
 *
 * <p>Usage: {@code GateBenchmark [--records 100000] [--source 10000] [--policy FILE] [--with-models]
 * [--runner direct|none] [--threshold 0.8] [--shingle 5] [--spec FILE]}; {@code --with-models} keeps the policy's
 * model recognizers (slm-ner), left out by default as in {@code scripts/bench sweep --patterns-only};
 * {@code --threshold} and {@code --shingle} replace the gate's defaults; {@code --spec} takes the records from a
 * schema-mode spec instead (nothing planted: every near duplicate found among them is a false positive, the price
 * of a threshold on templated text).
 */
public final class GateBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] FIRST = {"Alice", "Bob", "Carla", "Deepak", "Elena", "Farid", "Grace", "Hiro"};
  private static final String[] LAST = {"Smith", "Jones", "Garcia", "Patel", "Rossi", "Chen", "Okafor", "Berg"};

  private GateBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = options(args);
    int recordCount = Integer.parseInt(options.getOrDefault("records", "100000"));
    int sourceCount = Integer.parseInt(options.getOrDefault("source", "10000"));
    Policy policy = options.containsKey("policy")
        ? PolicyLoader.load(Path.of(options.get("policy"))) : PolicyLoader.defaultPolicy();
    if (!options.containsKey("with-models")) {
      policy.recognizers.clear();
    }
    GateSettings defaults = GateSettings.defaults();
    MinHasher minHash = new MinHasher(
        Integer.parseInt(options.getOrDefault("shingle", Integer.toString(defaults.minHash().shingle()))),
        defaults.minHash().permutations(), defaults.minHash().bands());
    double threshold = Double.parseDouble(options.getOrDefault("threshold", Double.toString(defaults.threshold())));
    GateSettings settings = new GateSettings(new ScanPolicy(policy, Set.of(), 0), minHash, threshold, true,
        "generated", true, true);

    List<Document> source = new ArrayList<>(sourceCount);
    for (int i = 0; i < sourceCount; i++) {
      source.add(Document.newBuilder().setId("src-" + i).setText(GateTexts.document(1_000_000L + i, 150)).build());
    }
    List<SynthRecord> records = options.containsKey("spec")
        ? specRecords(Path.of(options.get("spec")), recordCount) : records(recordCount, source);
    System.out.printf(Locale.ROOT, "gate benchmark: %,d records (avg %d chars%s) against %,d source documents;"
        + " policy %s%s; %d-word shingles, threshold %.2f; load %s%n", recordCount,
        records.stream().mapToInt(r -> r.getText().length()).sum() / recordCount,
        options.containsKey("spec") ? ", from " + options.get("spec") : "", sourceCount, policy.name,
        options.containsKey("with-models") ? "" : " (patterns only)", minHash.shingle(), threshold, load());

    double[] parts = {
      piiScan(settings.pii(), records),
      time(() -> sourceIndex(settings, source)) * 1e3 / recordCount,
      fingerprint(settings, source, records),
      exactDedup(records),
      withinOutput(settings, records),
      distinctNgrams(records)
    };
    String[] names = {"pii scan", "source index build (amortised)", "fingerprint + source lookup", "exact dedup",
        "within-output near duplicates", "distinct-1/2 counting"};
    double sum = 0;
    System.out.println("bare parts, one thread, CPU µs per record:");
    for (int i = 0; i < parts.length; i++) {
      System.out.printf(Locale.ROOT, "  %-32s %8.1f%n", names[i], parts[i]);
      sum += parts[i];
    }
    System.out.printf(Locale.ROOT, "  %-32s %8.1f%n", "sum", sum);
    if (!"none".equals(options.getOrDefault("runner", "direct"))) {
      double pipeline = pipeline(settings, source, records);
      System.out.printf(Locale.ROOT, "SynthesisGate on the DirectRunner: %.1f CPU µs per record (all threads),"
          + " %.2f x the bare sum; load %s%n", pipeline, pipeline / sum, load());
    }
  }

  /** What record {@code index} of {@link #records} is: planted copies and duplicates, or an original. */
  static String planted(long index) {
    return switch ((int) (index % 100)) {
      case 17 -> "verbatim source copy";
      case 42 -> "edited source copy";
      case 63 -> index > 100 ? "exact repeat" : "original";
      case 88 -> index > 100 ? "edited repeat" : "original";
      default -> "original";
    };
  }

  /** Records [0, count) of a schema-mode spec, as the job generates them. */
  private static List<SynthRecord> specRecords(Path spec, int count) {
    RecordFactory factory = new RecordFactory(SpecLoader.load(spec).plan());
    List<SynthRecord> records = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      records.add(factory.toSynthRecord(i, factory.record(i)));
    }
    return records;
  }

  /** Generated-looking records with injected values, and planted copies and duplicates (1% each). */
  static List<SynthRecord> records(int count, List<Document> source) {
    Random random = new Random(7);
    List<SynthRecord> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      String email = (first + "." + last + i + "@example.com").toLowerCase(Locale.ROOT);
      String text = switch (i % 100) {
        case 17 -> source.get(random.nextInt(source.size())).getText();
        case 42 -> GateTexts.edit(source.get(random.nextInt(source.size())).getText(), 3);
        case 63 -> i > 100 ? records.get(i - 50).getText() : GateTexts.document(i, 80);
        case 88 -> i > 100 ? GateTexts.edit(records.get(i - 60).getText(), 3) : GateTexts.document(i, 80);
        default -> "Ticket " + i + " from " + first + " " + last + " (" + email + "): " + GateTexts.document(i, 75);
      };
      records.add(SynthRecord.newBuilder().setIndex(i).setId("rec-" + i).setPayload(ByteBuffer.wrap(new byte[0]))
          .setText(text)
          .setInjected(List.of(
              InjectedValue.newBuilder().setEntityType("PERSON").setValue(first + " " + last).build(),
              InjectedValue.newBuilder().setEntityType("EMAIL_ADDRESS").setValue(email).build()))
          .build());
    }
    return records;
  }

  private static double piiScan(ScanPolicy scan, List<SynthRecord> records) {
    try (Analyzer analyzer = Analyzer.fromPolicy(scan.policy())) {
      int[] leaks = {0};
      double ms = time(() -> {
        for (int from = 0; from < records.size(); from += 64) {
          List<SynthRecord> batch = records.subList(from, Math.min(records.size(), from + 64));
          List<List<Detection>> found = analyzer.analyzeAll(batch.stream().map(SynthRecord::getText).toList());
          for (int i = 0; i < batch.size(); i++) {
            InjectedValues injected = new InjectedValues(batch.get(i).getInjected());
            for (Detection d : found.get(i)) {
              if (scan.counts(d) && !injected.covers(batch.get(i).getText().substring(d.start(), d.end()))) {
                leaks[0]++;
              }
            }
          }
        }
      });
      System.out.printf(Locale.ROOT, "  (pii scan: %,d un-injected findings)%n", leaks[0]);
      return ms * 1e3 / records.size();
    }
  }

  private static SourceIndex sourceIndex(GateSettings settings, List<Document> source) {
    List<SourceIndex.Entry> entries = new ArrayList<>(source.size());
    for (Document d : source) {
      entries.add(new SourceIndex.Entry(d.getId(), settings.minHash().signature(d.getText())));
    }
    return new SourceIndex(settings.minHash(), settings.threshold(), entries);
  }

  private static double fingerprint(GateSettings settings, List<Document> source, List<SynthRecord> records) {
    SourceIndex index = sourceIndex(settings, source);
    Map<String, Integer> caught = new TreeMap<>();
    double ms = time(() -> {
      for (SynthRecord r : records) {
        long[] words = TextTokens.hashes(r.getText());
        int[] signature = settings.minHash().signature(words);
        TextTokens.sequenceHash(words);
        settings.minHash().bandKeys(signature);
        if (index.bestMatch(signature) != null) {
          caught.merge(planted(r.getIndex()), 1, Integer::sum);
        }
      }
    });
    System.out.printf(Locale.ROOT, "  (source: records caught as copies %s)%n", caught);
    return ms * 1e3 / records.size();
  }

  private static double exactDedup(List<SynthRecord> records) {
    int[] duplicates = {0};
    double ms = time(() -> {
      Map<Long, Long> lowest = new HashMap<>();
      for (SynthRecord r : records) {
        if (lowest.putIfAbsent(TextTokens.sequenceHash(TextTokens.hashes(r.getText())), r.getIndex()) != null) {
          duplicates[0]++;
        }
      }
    });
    System.out.printf(Locale.ROOT, "  (exact: %,d duplicates)%n", duplicates[0]);
    return ms * 1e3 / records.size();
  }

  /** The band grouping and verification the pipeline spreads over shuffles, in one map. */
  private static double withinOutput(GateSettings settings, List<SynthRecord> records) {
    MinHasher minHash = settings.minHash();
    List<int[]> signatures = new ArrayList<>(records.size());
    for (SynthRecord r : records) {
      signatures.add(minHash.signature(r.getText()));
    }
    Map<String, Integer> rejected = new TreeMap<>();
    double ms = time(() -> {
      Map<Long, List<Integer>> bands = new HashMap<>();
      Set<Integer> dropped = new TreeSet<>();
      for (int i = 0; i < records.size(); i++) {
        for (long key : minHash.bandKeys(signatures.get(i))) {
          List<Integer> members = bands.computeIfAbsent(key, k -> new ArrayList<>(1));
          for (int other : members.subList(0, Math.min(members.size(), OutputNearDuplicates.MAX_COMPARED))) {
            if (!dropped.contains(i)
                && MinHasher.estimatedJaccard(signatures.get(i), signatures.get(other)) >= settings.threshold()) {
              dropped.add(i);
            }
          }
          members.add(i);
        }
      }
      dropped.forEach(i -> rejected.merge(planted(i), 1, Integer::sum));
    });
    System.out.printf(Locale.ROOT, "  (within output: near duplicates, exact ones included, %s)%n", rejected);
    return ms * 1e3 / records.size();
  }

  private static double distinctNgrams(List<SynthRecord> records) {
    double[] ratios = new double[2];
    double ms = time(() -> {
      LongHashSet unigrams = new LongHashSet();
      LongHashSet bigrams = new LongHashSet();
      long total = 0;
      for (SynthRecord r : records) {
        long[] words = TextTokens.hashes(r.getText());
        for (int i = 0; i < words.length; i++) {
          unigrams.add(words[i]);
          if (i > 0) {
            bigrams.add(DistinctNgrams.bigram(words[i - 1], words[i]));
          }
        }
        total += words.length;
      }
      ratios[0] = (double) unigrams.size() / total;
      ratios[1] = (double) bigrams.size() / Math.max(1, total - records.size());
    });
    System.out.printf(Locale.ROOT, "  (distinct-1 %.3f, distinct-2 %.3f)%n", ratios[0], ratios[1]);
    return ms * 1e3 / records.size();
  }

  private static double pipeline(GateSettings settings, List<Document> source, List<SynthRecord> records) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs("--targetParallelism=2",
        // As the sluice jobs run it: these re-encode every element, test aids that cost real time.
        "--enforceEncodability=false", "--enforceImmutability=false").create());
    PCollection<Document> sourceDocs = p.apply("Source", Create.of(source).withCoder(AvroCoder.of(Document.class)));
    p.apply("Records", Create.of(records).withCoder(AvroCoder.of(SynthRecord.class)))
        .apply(SynthesisGate.with(settings).withSource(sourceDocs));
    ProcessClock clock = ProcessClock.start();
    long wall = System.nanoTime();
    var result = p.run();
    result.waitUntilFinish();
    double cpuSeconds = clock.cpuSeconds();
    GateStatistics stats = GateStatistics.from(result.metrics());
    System.out.printf(Locale.ROOT, "  (pipeline: %,d accepted, rejected %s, distinct-1 %.3f, distinct-2 %.3f;"
        + " wall %.1f s)%n", stats.accepted(), stats.rejectedByKind(), stats.distinct1(), stats.distinct2(),
        (System.nanoTime() - wall) / 1e9);
    return cpuSeconds * 1e6 / records.size();
  }

  /** Thread CPU milliseconds of {@code work}. */
  private static double time(Runnable work) {
    long start = THREADS.getCurrentThreadCpuTime();
    work.run();
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
  }

  private static String load() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; options: --records N --source N"
            + " --policy FILE --with-models --runner direct|none --threshold T --shingle N --spec FILE");
      }
      String name = args[i].substring(2);
      boolean flag = name.equals("with-models");
      options.put(name, flag ? "true" : args[++i]);
    }
    return options;
  }
}
