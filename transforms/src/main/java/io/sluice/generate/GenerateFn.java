package io.sluice.generate;

import io.sluice.models.ModelSpec;
import io.sluice.models.generate.CheckedGeneration;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Generates for a batch of prompts; outputs failing the schema check are retried with new seeds up to the
 * configured attempts (see {@link CheckedGeneration}), then dead-lettered with the reason.
 */
final class GenerateFn extends BatchingDoFn<GenerationPrompt, Generation> {
  private static final String STAGE = "generate";
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
      structured = StructuredOutput.forSchema(settings.schemaJson(), model, params.maxNewTokens());
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
    List<Integer> indexes = new ArrayList<>();
    List<GenerationRequest> requests = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      GenerationPrompt p = prompts.get(i);
      try {
        requests.add(new GenerationRequest(p.id(), encode(model, p), params.withSeed(p.seedUnder(settings.jobSeed())),
            structured == null ? null : structured.constraints()));
        indexes.add(i);
      } catch (RuntimeException e) {
        deadLetter(outputs, i, p, GenerateMetrics.BAD_PROMPT, e.getMessage());
      }
    }
    long started = System.nanoTime();
    List<CheckedGeneration.Outcome> outcomes = CheckedGeneration.generate(model.newGenerator(settings.batchSize()),
        requests, structured == null ? null : structured.check(), settings.attempts());
    long nanos = System.nanoTime() - started;
    long tokens = 0;
    for (int r = 0; r < outcomes.size(); r++) {
      CheckedGeneration.Outcome o = outcomes.get(r);
      GenerationPrompt p = prompts.get(indexes.get(r));
      GenerationResult result = o.result();
      tokens += result.generatedTokens();
      promptTokens.inc(result.promptTokens());
      generatedTokens.inc(result.generatedTokens());
      retries.inc(o.attempts() - 1L);
      if (result.finish() == GenerationResult.FinishReason.ERROR) {
        deadLetter(outputs, indexes.get(r), p, GenerateMetrics.GENERATION_FAILED, result.error());
      } else if (o.problem() != null) {
        deadLetter(outputs, indexes.get(r), p, GenerateMetrics.INVALID_OUTPUT,
            "output failed the schema check after " + o.attempts() + " attempts: " + o.problem());
      } else {
        generations.inc();
        outputs.output(generatedTag, new Generation(p.id(), result.text(), result.promptTokens(),
            result.generatedTokens(), result.finish().name().toLowerCase(Locale.ROOT), o.attempts(), o.seed()),
            indexes.get(r));
      }
    }
    batchMillis.update(nanos / 1_000_000);
    if (nanos > 0) {
      tokensPerSecond.update(Math.round(tokens / (nanos / 1e9)));
    }
  }

  private static long[] encode(DecoderModel model, GenerationPrompt p) {
    if (p.messagesJson() != null) {
      return model.encodeChat(ChatMessages.parse(p.messagesJson()));
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

}
