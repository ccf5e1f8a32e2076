package io.sluice.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.ModelSpec;
import io.sluice.models.generate.DecoderLoader;
import io.sluice.models.generate.DecoderModel;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.GenerationResult;
import io.sluice.models.generate.StructuredOutput;
import io.sluice.models.runtime.ModelCache;
import io.sluice.schemas.DeadLetter;
import io.sluice.transforms.BatchingDoFn;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.SluiceMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Generates for a batch of prompts; outputs failing the schema check are retried (seed + attempt) up to the
 * configured attempts, all retries of a batch generated together.
 */
final class GenerateFn extends BatchingDoFn<GenerationPrompt, Generation> {
  private static final String STAGE = "generate";
  private static final long RETRY_SEED_STEP = 0x632BE59BD9B4E019L;
  private final GenerateSettings settings;
  private final TupleTag<Generation> generatedTag;
  private final TupleTag<DeadLetter> deadTag;

  private final Counter generations = Metrics.counter(SluiceMetrics.NAMESPACE, GenerateMetrics.GENERATIONS);
  private final Counter promptTokens = Metrics.counter(SluiceMetrics.NAMESPACE, GenerateMetrics.PROMPT_TOKENS);
  private final Counter generatedTokens = Metrics.counter(SluiceMetrics.NAMESPACE, GenerateMetrics.GENERATED_TOKENS);
  private final Counter retries = Metrics.counter(SluiceMetrics.NAMESPACE, GenerateMetrics.RETRIES);
  private final Distribution tokensPerSecond =
      Metrics.distribution(SluiceMetrics.NAMESPACE, GenerateMetrics.TOKENS_PER_SECOND);
  private final Distribution batchMillis = Metrics.distribution(SluiceMetrics.NAMESPACE, GenerateMetrics.BATCH_MS);

  private transient ModelCache.Lease<DecoderModel> lease;
  private transient GenerationParams params;
  private transient StructuredOutput structured;

  GenerateFn(GenerateSettings settings, TupleTag<Generation> generatedTag, TupleTag<DeadLetter> deadTag) {
    super(settings.batchSize(), Long.MAX_VALUE);
    this.settings = settings;
    this.generatedTag = generatedTag;
    this.deadTag = deadTag;
  }

  @Setup
  public void setup() {
    Path dir = Path.of(settings.modelDir());
    ModelSpec spec = new ModelSpec(dir.getFileName().toString(), ModelSpec.SourceKind.HF_DIR, dir.toString(),
        ModelSpec.Task.GENERATION, 0, ModelSpec.AUTO_STRIDE, 16384, settings.batchSize(), settings.device(), null);
    lease = DecoderLoader.shared(spec, 0);
    DecoderModel model = lease.get();
    params = settings.params() != null ? settings.params() : model.defaults();
    if (settings.schemaJson() != null) {
      try {
        structured = StructuredOutput.forSchema(new ObjectMapper().readTree(settings.schemaJson()), model);
      } catch (IOException e) {
        throw new UncheckedIOException("the output schema is not valid JSON", e);
      }
    }
  }

  @Teardown
  public void teardown() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }

  @Override
  protected long weight(GenerationPrompt prompt) {
    return 1;
  }

  @Override
  protected void processBatch(List<GenerationPrompt> prompts, Outputs outputs) {
    DecoderModel model = lease.get();
    List<Attempt> pending = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      GenerationPrompt p = prompts.get(i);
      try {
        pending.add(new Attempt(i, p, encode(model, p), p.seedUnder(settings.jobSeed()), 1));
      } catch (RuntimeException e) {
        deadLetter(outputs, i, p, GenerateMetrics.BAD_PROMPT, e.getMessage());
      }
    }
    long started = System.nanoTime();
    long tokens = 0;
    while (!pending.isEmpty()) {
      List<GenerationRequest> requests = new ArrayList<>();
      for (Attempt a : pending) {
        requests.add(new GenerationRequest(a.prompt.id(), a.ids, params.withSeed(a.seed),
            structured == null ? null : structured.constraints()));
      }
      List<GenerationResult> results = model.newGenerator(settings.batchSize()).generate(requests);
      List<Attempt> again = new ArrayList<>();
      for (int r = 0; r < results.size(); r++) {
        Attempt a = pending.get(r);
        GenerationResult result = results.get(r);
        tokens += result.generatedTokens();
        promptTokens.inc(result.promptTokens());
        generatedTokens.inc(result.generatedTokens());
        String problem = result.finish() == GenerationResult.FinishReason.ERROR ? null
            : structured == null ? null : structured.check().problem(result.text());
        if (result.finish() == GenerationResult.FinishReason.ERROR) {
          deadLetter(outputs, a.index, a.prompt, GenerateMetrics.GENERATION_FAILED, result.error());
        } else if (problem == null) {
          generations.inc();
          outputs.output(generatedTag, new Generation(a.prompt.id(), result.text(), result.promptTokens(),
              result.generatedTokens(), result.finish().name().toLowerCase(java.util.Locale.ROOT), a.number, a.seed),
              a.index);
        } else if (a.number >= settings.attempts()) {
          deadLetter(outputs, a.index, a.prompt, GenerateMetrics.INVALID_OUTPUT,
              "output failed the schema check after " + a.number + " attempts: " + problem);
        } else {
          retries.inc();
          again.add(new Attempt(a.index, a.prompt, a.ids, a.seed + RETRY_SEED_STEP, a.number + 1));
        }
      }
      pending = again;
    }
    long nanos = System.nanoTime() - started;
    batchMillis.update(nanos / 1_000_000);
    if (nanos > 0) {
      tokensPerSecond.update(Math.round(tokens / (nanos / 1e9)));
    }
  }

  private static long[] encode(DecoderModel model, GenerationPrompt p) {
    if (p.messagesJson() != null) {
      throw new IllegalArgumentException("chat messages need the model's chat template, which this build cannot "
          + "render yet; give a plain prompt");
    }
    if (p.prompt().isEmpty()) {
      throw new IllegalArgumentException("empty prompt");
    }
    return model.encodePrompt(p.prompt());
  }

  private void deadLetter(Outputs outputs, int index, GenerationPrompt p, String kind, String reason) {
    SluiceMetrics.countDeadLetter(kind);
    outputs.output(deadTag, DeadLetters.of(p.id(), p.source(), STAGE, kind, reason,
        p.prompt() != null ? p.prompt() : p.messagesJson()), index);
  }

  /** One try at one record. */
  private record Attempt(int index, GenerationPrompt prompt, long[] ids, long seed, int number) {}
}
