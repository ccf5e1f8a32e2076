package io.sluice.pipelines.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.generate.Generate;
import io.sluice.generate.GenerateMetrics;
import io.sluice.generate.Generation;
import io.sluice.models.generate.GenerationParams;
import io.sluice.pipelines.ConfigException;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.io.RecordWriters;
import io.sluice.pipelines.runner.PipelineRun;
import io.sluice.pipelines.runner.RunnerKind;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.summary.JobCounts;
import io.sluice.schemas.DeadLetter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * {@code sluice generate}: prompts JSONL in, {@code generations/} and {@code dead_letter/} JSONL part files out,
 * reconciled at the end (records in = generations + dead letters).
 *
 * @param params null: the model's generation_config.json defaults
 * @param schemaJson null: free text
 */
public record GenerateJob(Path model, Path prompts, Path output, String schemaJson, int attempts, GenerationParams params,
    int batchSize, long seed, String device, int workers) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs the job; returns true when every record is accounted for. */
  public boolean run(PrintStream out) {
    checkPaths();
    Pipeline p = Pipeline.create(new RunnerSettings(RunnerKind.DIRECT, null, workers).toPipelineOptions("sluice-generate"));
    PCollectionTuple read = p.apply("ReadPrompts", TextIO.read().from(prompts.toString()))
        .apply("ParsePrompts", ParDo.of(new PromptLines(prompts.getFileName().toString()))
            .withOutputTags(PromptLines.PROMPTS, TupleTagList.of(PromptLines.DEAD)));
    PCollection<io.sluice.generate.GenerationPrompt> parsed = read.get(PromptLines.PROMPTS)
        .setCoder(SerializableCoder.of(io.sluice.generate.GenerationPrompt.class));
    Generate generate = Generate.with(model.toString()).device(device).params(params).batchSize(batchSize).seed(seed);
    if (schemaJson != null) {
      generate = generate.schema(schemaJson, attempts);
    }
    Generate.Result result = parsed.apply(generate);
    result.generations().apply("GenerationJson", MapElements.into(TypeDescriptors.strings()).via(GenerateJob::json))
        .apply("WriteGenerations", TextIO.write().to(output.resolve("generations").resolve("part").toString())
            .withSuffix(".jsonl"));
    PCollection<DeadLetter> dead = PCollectionList.of(read.get(PromptLines.DEAD).setCoder(AvroCoder.of(DeadLetter.class)))
        .and(result.deadLetters()).apply(Flatten.pCollections());
    RecordWriters.write(dead, DeadLetter.class, DeadLetter.getClassSchema(), OutputFormat.JSONL,
        output.resolve("dead_letter").toString());
    PipelineRun run = PipelineRun.untilDone(p, "generate");
    return report(JobCounts.of(run.result()), run.elapsed().toNanos() / 1e9, out);
  }

  private boolean report(JobCounts counts, double seconds, PrintStream out) {
    long generated = counts.get(GenerateMetrics.GENERATIONS);
    long dead = counts.get(io.sluice.transforms.SluiceMetrics.DEAD_LETTERS);
    long records = countRecords();
    long tokens = counts.get(GenerateMetrics.GENERATED_TOKENS);
    out.printf(Locale.ROOT, "records in %d = generations %d + dead letters %d%s%n", records, generated, dead,
        records == generated + dead ? "" : "  (DOES NOT RECONCILE)");
    out.printf(Locale.ROOT, "prompt tokens %d, generated tokens %d, %.1f generated tokens/s over %.1f s (job time, "
        + "model load included)%n", counts.get(GenerateMetrics.PROMPT_TOKENS), tokens, tokens / seconds, seconds);
    counts.withPrefix(io.sluice.transforms.SluiceMetrics.DEAD_LETTERS_BY_KIND_PREFIX)
        .forEach((kind, n) -> out.printf(Locale.ROOT, "dead letters %s: %d%n", kind, n));
    out.println("output: " + output.toAbsolutePath());
    return records == generated + dead;
  }

  private long countRecords() {
    try (var lines = Files.lines(prompts)) {
      return lines.filter(l -> !l.isBlank()).count();
    } catch (IOException e) {
      throw new ConfigException("cannot read " + prompts + ": " + e.getMessage());
    }
  }

  private void checkPaths() {
    if (!Files.isDirectory(model)) {
      throw new ConfigException("--model " + model + " is not a directory; give a Hugging Face model directory "
          + "(config.json, model.safetensors or shards, tokenizer.json)");
    }
    if (!Files.isRegularFile(prompts)) {
      throw new ConfigException("--prompts " + prompts + " is not a file");
    }
    if (Files.exists(output.resolve("generations")) || Files.exists(output.resolve("dead_letter"))) {
      throw new ConfigException("--output " + output + " already holds results; choose an empty folder");
    }
  }

  private static String json(Generation g) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", g.id());
    n.put("text", g.text());
    n.put("prompt_tokens", g.promptTokens());
    n.put("generated_tokens", g.generatedTokens());
    n.put("finish_reason", g.finishReason());
    n.put("attempts", g.attempts());
    n.put("seed", g.seed());
    return n.toString();
  }
}
