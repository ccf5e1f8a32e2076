package io.sluice.pipelines.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.sluice.generate.GenerationPrompt;
import io.sluice.models.bench.RandomDecoders;
import io.sluice.models.cli.OptionPairs;
import io.sluice.models.generate.DecoderLoader;
import io.sluice.models.generate.DecoderModel;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.GenerationResult;
import io.sluice.models.generate.Generator;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.sweep.OutputLayout;
import io.sluice.pipelines.synth.SynthOptions;
import io.sluice.pipelines.synth.SynthSummary;
import io.sluice.pipelines.synth.SynthesizeJob;
import io.sluice.synth.GenerateTexts;
import io.sluice.synth.RecordFactory;
import io.sluice.synth.RecordPlan;
import io.sluice.synth.SlmSettings;
import io.sluice.synth.SpecLoader;
import io.sluice.synth.SynthSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code scripts/bench synth-slm}: SLM-text synthesis (mode slm) on a random-weight decoder shaped like SmolLM2-135M
 * ({@link RandomDecoders#smolLm2Shape()}), written to a temporary directory. {@code sluice synthesize} runs the spec
 * (a copy of {@code --spec} pointing at that model) for {@code --records} records through the whole job on the
 * DirectRunner (prompts, Generate, gate, writer, summary), then the bare {@link Generator} decodes the same prompts
 * with the same parameters and per-record seeds in batches of the spec's size, in the same process: the ratio of
 * the two tokens/s is the job's price over the model. The texts are noise; the speed is real.
 */
public final class SlmSynthBenchmark {
  private static final String USAGE = "usage: SlmSynthBenchmark [--spec FILE (conf/synth/product-reviews-slm.yaml)] "
      + "[--records N (16)] [--new-tokens N (the spec's max_new_tokens)] [--batch N (the spec's batch_size)] "
      + "[--threads N (2)] [--cores N (2)]";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SlmSynthBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings s = Settings.parse(args);
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(s.threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    Path work = Files.createTempDirectory("sluice-bench-slm");
    try {
      run(s, work);
    } finally {
      OutputLayout.deleteRecursively(work);
    }
  }

  private static void run(Settings s, Path work) throws Exception {
    ObjectNode spec = (ObjectNode) YAML.readTree(s.spec.toFile());
    ObjectNode slm = (ObjectNode) spec.get("slm");
    int newTokens = s.newTokens > 0 ? s.newTokens : slm.path("max_new_tokens").asInt(96);
    Path model = RandomDecoders.write(work.resolve("smollm2-135m-random"), RandomDecoders.smolLm2Shape(), newTokens, 1);
    Path specCopy = copySpec(s, spec, model, newTokens, work.resolve("spec"));
    SynthSpec loaded = SpecLoader.load(specCopy);
    SlmSettings settings = loaded.slm();
    System.out.printf(Locale.ROOT, "random SmolLM2-135M shape, cpu, %d PyTorch threads, spec %s (copy pointing at the "
        + "random model), %d records, batch %d, max %d new tokens, temperature %s; load %s%n", s.threads, s.spec,
        s.records, settings.batchSize(), newTokens, slm.path("temperature").asText("model default"), load());

    SynthSummary job = SynthesizeJob.run(new SynthOptions(specCopy, s.records, work.resolve("out"), null,
        new RunnerSettings(RunnerKind.DIRECT, null, s.cores), OutputFormat.JSONL, null, true, null));
    if (!job.reconciled()) {
      throw new IllegalStateException("the job does not reconcile: " + job.reconciliationLine());
    }
    double jobSeconds = job.elapsedMs() / 1000.0;
    double jobTokensPerSecond = job.generatedTokens() / jobSeconds;
    double decodeSeconds = job.decodeMs() / 1000.0;
    System.out.printf(Locale.ROOT, "job: %s, dead letters %s; %,d generated tokens in %.1f s (model load, gate and "
        + "writing included), of which %.1f s decoding%n", job.reconciliationLine(), job.deadLettersByKind(),
        job.generatedTokens(), jobSeconds, decodeSeconds);

    long[] bare = bareGenerator(loaded.plan(), settings, s.records);
    double bareSeconds = bare[1] / 1e9;
    double bareTokensPerSecond = bare[0] / bareSeconds;
    System.out.printf(Locale.ROOT, "bare Generator: %,d generated tokens in %.1f s (model loaded beforehand)%n",
        bare[0], bareSeconds);
    System.out.printf(Locale.ROOT, "| path | records | generated tokens | seconds | records/s | generated tokens/s | "
        + "ratio to bare |%n|---|---:|---:|---:|---:|---:|---:|%n");
    System.out.printf(Locale.ROOT, "| sluice synthesize, DirectRunner, whole job | %d | %,d | %.1f | %.2f | %.1f | %.2f |%n",
        s.records, job.generatedTokens(), jobSeconds, job.recordsGenerated() / jobSeconds, jobTokensPerSecond,
        jobTokensPerSecond / bareTokensPerSecond);
    double decodeTokensPerSecond = job.generatedTokens() / decodeSeconds;
    System.out.printf(Locale.ROOT, "| sluice synthesize, its Generate step's batches | %d | %,d | %.1f | %.2f | %.1f | %.2f |%n",
        s.records, job.generatedTokens(), decodeSeconds, s.records / decodeSeconds, decodeTokensPerSecond,
        decodeTokensPerSecond / bareTokensPerSecond);
    System.out.printf(Locale.ROOT, "| bare Generator, batch %d | %d | %,d | %.1f | %.2f | %.1f | 1.00 |%n",
        settings.batchSize(), s.records, bare[0], bareSeconds, s.records / bareSeconds, bareTokensPerSecond);
    System.out.printf(Locale.ROOT, "load %s%n", load());
  }

  /**
   * The spec with the model, max_new_tokens and batch_size replaced, next to copies of the files of the spec's
   * directory (schema, seed files), so its relative paths still resolve.
   */
  private static Path copySpec(Settings s, ObjectNode spec, Path model, int newTokens, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> siblings = Files.list(s.spec.toAbsolutePath().getParent())) {
      for (Path file : siblings.filter(Files::isRegularFile).toList()) {
        Files.copy(file, dir.resolve(file.getFileName()));
      }
    }
    ObjectNode slm = (ObjectNode) spec.get("slm");
    slm.put("model", model.toAbsolutePath().toString());
    slm.put("max_new_tokens", newTokens);
    if (s.batch > 0) {
      slm.put("batch_size", s.batch);
    }
    Path copy = dir.resolve(s.spec.getFileName());
    YAML.writeValue(copy.toFile(), spec);
    return copy;
  }

  /** Generated tokens and nanoseconds of the bare Generator over records [0, count), as the job's GenerateFn asks. */
  private static long[] bareGenerator(RecordPlan plan, SlmSettings slm, long count) {
    RecordFactory factory = new RecordFactory(plan);
    try (DecoderModel model = DecoderLoader.load(Path.of(slm.model()), slm.device())) {
      GenerationParams params = slm.params() != null ? slm.params() : model.defaults();
      List<GenerationRequest> requests = new ArrayList<>();
      for (long i = 0; i < count; i++) {
        GenerationPrompt prompt = GenerateTexts.prompt(factory, plan, slm, i);
        requests.add(new GenerationRequest(prompt.id(), model.encodePrompt(prompt.prompt()),
            params.withSeed(prompt.seedUnder(plan.seed())), null));
      }
      Generator generator = model.newGenerator(slm.batchSize());
      long tokens = 0;
      long started = System.nanoTime();
      for (int from = 0; from < requests.size(); from += slm.batchSize()) {
        List<GenerationResult> results =
            generator.generate(requests.subList(from, Math.min(requests.size(), from + slm.batchSize())));
        tokens += results.stream().mapToInt(GenerationResult::generatedTokens).sum();
      }
      return new long[] {tokens, System.nanoTime() - started};
    }
  }

  private static String load() {
    return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static final class Settings {
    Path spec = Path.of("conf", "synth", "product-reviews-slm.yaml");
    long records = 16;
    int newTokens;
    int batch;
    int threads = 2;
    int cores = 2;

    static Settings parse(String[] args) {
      Settings s = new Settings();
      OptionPairs.apply(args, (name, value) -> {
        switch (name) {
          case "--spec" -> s.spec = Path.of(value);
          case "--records" -> s.records = Long.parseLong(value);
          case "--new-tokens" -> s.newTokens = Integer.parseInt(value);
          case "--batch" -> s.batch = Integer.parseInt(value);
          case "--threads" -> s.threads = Integer.parseInt(value);
          case "--cores" -> s.cores = Integer.parseInt(value);
          default -> {
            return false;
          }
        }
        return true;
      }, problem -> new IllegalArgumentException(problem + "\n" + USAGE));
      return s;
    }
  }
}
