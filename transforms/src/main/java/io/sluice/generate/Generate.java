package io.sluice.generate;

import io.sluice.models.generate.GenerationParams;
import io.sluice.schemas.DeadLetter;
import io.sluice.transforms.TransformResult;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Generates a continuation for every prompt record with a decoder model (a Hugging Face directory), batching the
 * prompts of a bundle through one continuously batched generator. Outputs that fail the schema check are retried
 * with a new seed, then dead-lettered with the reason; nothing is dropped. Usage:
 * {@code prompts.apply(Generate.with(modelDir).params(p).schema(json).batchSize(8))}.
 */
public final class Generate extends PTransform<PCollection<GenerationPrompt>, Generate.Result> {
  private final GenerateSettings settings;

  private Generate(GenerateSettings settings) {
    this.settings = settings;
  }

  /** A model directory, on CPU, with the model's own generation defaults. */
  public static Generate with(String modelDir) {
    return new Generate(GenerateSettings.of(modelDir));
  }

  public Generate device(String device) {
    return new Generate(settings.withDevice(device));
  }

  /** Overrides the model's generation_config.json defaults (null keeps them). */
  public Generate params(GenerationParams params) {
    return new Generate(settings.withParams(params));
  }

  /** A JSON Schema (as JSON text) every output must satisfy; {@code attempts} tries per record before dead-lettering. */
  public Generate schema(String schemaJson, int attempts) {
    return new Generate(settings.withSchema(schemaJson, attempts));
  }

  /** Sequences generated together (the KV cache slots); also the most prompts collected per batch. */
  public Generate batchSize(int batchSize) {
    return new Generate(settings.withBatchSize(batchSize));
  }

  /** Seed of records without their own seed (mixed with each record's id). */
  public Generate seed(long jobSeed) {
    return new Generate(settings.withJobSeed(jobSeed));
  }

  @Override
  public Result expand(PCollection<GenerationPrompt> prompts) {
    if (!(prompts.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException("Generate runs on batch input in the global window; remove the windowing");
    }
    TupleTag<Generation> generated = new TupleTag<>("generations") {};
    TupleTag<DeadLetter> dead = new TupleTag<>("deadLetters") {};
    PCollectionTuple out = prompts.apply("Generate", ParDo.of(new GenerateFn(settings, generated, dead))
        .withOutputTags(generated, TupleTagList.of(dead)));
    PCollection<Generation> generations = out.get(generated).setCoder(SerializableCoder.of(Generation.class));
    PCollection<DeadLetter> deadLetters = out.get(dead).setCoder(AvroCoder.of(DeadLetter.class));
    return new Result(prompts, generations, deadLetters, generated);
  }

  /** The generations and the dead letters. */
  public static final class Result extends TransformResult {
    private final PCollection<Generation> generations;

    Result(PCollection<GenerationPrompt> input, PCollection<Generation> generations,
        PCollection<DeadLetter> deadLetters, TupleTag<Generation> tag) {
      super(input.getPipeline(), Map.of(tag, generations), deadLetters);
      this.generations = generations;
    }

    public PCollection<Generation> generations() {
      return generations;
    }
  }
}
