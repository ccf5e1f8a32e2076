package io.sluice.models.extract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.ModelSpec;
import io.sluice.models.generate.CheckedGeneration;
import io.sluice.models.generate.DecoderLoader;
import io.sluice.models.generate.DecoderModel;
import io.sluice.models.generate.GenerationParams;
import io.sluice.models.generate.GenerationRequest;
import io.sluice.models.generate.Generator;
import io.sluice.models.generate.StructuredOutput;
import io.sluice.models.generate.constrained.AvroJsonSchema;
import io.sluice.models.runtime.ModelCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Extraction with a decoder model (a Hugging Face directory): the prompt lists the record's fields with their docs
 * ({@link ExtractionPrompt}, in the model's chat template when it has one), and decoding is constrained by the JSON
 * Schema of the Avro record ({@link AvroJsonSchema}) so every output is one JSON object of the record's shape.
 * Decoding is greedy: the same document gives the same record. The model's weights are shared per JVM
 * ({@link DecoderLoader#shared}); each extractor has its own generator.
 *
 * <p>A document whose prompt and output cannot fit the model's context, or whose generation fails, fails the
 * {@link #extract} call with a message that names its position in the batch (never its text); callers isolate it.
 */
public final class GenerativeFieldExtractor implements FieldExtractor {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private final ModelCache.Lease<DecoderModel> lease;
  private final ModelCache.Lease<CompiledSchema> compiled;
  private final ExtractionPrompt prompt;
  private final StructuredOutput structured;
  private final GenerationParams params;
  private final Generator generator;
  private long promptTokens;
  private long generatedTokens;

  private GenerativeFieldExtractor(ModelCache.Lease<DecoderModel> lease, ModelCache.Lease<CompiledSchema> compiled,
      Schema record, GenerativeSettings settings) {
    this.lease = lease;
    this.compiled = compiled;
    DecoderModel model = lease.get();
    this.prompt = new ExtractionPrompt(record);
    this.params = model.defaults().greedyDecoding().withMaxNewTokens(settings.maxNewTokens());
    this.structured = compiled.get().output();
    this.generator = model.newGenerator(settings.batchSize());
  }

  /**
   * The schema compiled for the model's vocabulary (tens of seconds for a 50k-token vocabulary on a busy machine),
   * shared like the weights by every extractor of the JVM; it holds no native memory.
   */
  private record CompiledSchema(StructuredOutput output) implements AutoCloseable {
    @Override
    public void close() {}
  }

  /**
   * @param record the Avro record to fill (the fields to extract, each with its doc), as JSON text
   */
  public static FieldExtractorFactory factory(Path modelDir, String record, GenerativeSettings settings) {
    String dir = modelDir.toString();
    return () -> open(Path.of(dir), new Schema.Parser().parse(record), settings);
  }

  static GenerativeFieldExtractor open(Path modelDir, Schema record, GenerativeSettings settings) throws IOException {
    ModelSpec spec = new ModelSpec(modelDir.getFileName().toString(), ModelSpec.SourceKind.HF_DIR,
        modelDir.toString(), ModelSpec.Task.GENERATION, 0, ModelSpec.AUTO_STRIDE, 16384, settings.batchSize(),
        settings.device(), null);
    ModelCache.Lease<DecoderModel> lease;
    try {
      lease = DecoderLoader.shared(spec, 0);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    DecoderModel model = lease.get();
    ModelCache.Lease<CompiledSchema> compiled = null;
    try {
      String jsonSchema = AvroJsonSchema.convert(record).toString();
      compiled = ModelCache.shared().acquire(List.of(spec, "extraction schema", jsonSchema, settings.maxNewTokens()),
          () -> new CompiledSchema(StructuredOutput.forSchema(jsonSchema, model, settings.maxNewTokens())));
      return new GenerativeFieldExtractor(lease, compiled, record, settings);
    } catch (RuntimeException e) {
      if (compiled != null) {
        compiled.close();
      }
      lease.close();
      throw e;
    }
  }

  @Override
  public List<Map<String, List<String>>> extract(List<String> texts) {
    DecoderModel model = lease.get();
    int context = model.decoder().config().maxPositions();
    List<GenerationRequest> requests = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      long[] ids = encode(model, texts.get(i));
      if (ids.length + params.maxNewTokens() > context) {
        throw new IllegalArgumentException("document " + i + " of the batch is too long for generative extraction: "
            + ids.length + " prompt tokens + " + params.maxNewTokens() + " new tokens exceed the model's context of "
            + context);
      }
      requests.add(new GenerationRequest(Integer.toString(i), ids, params, structured.constraints()));
    }
    List<CheckedGeneration.Outcome> outcomes = CheckedGeneration.generate(generator, requests, structured.check(), 1);
    List<Map<String, List<String>>> values = new ArrayList<>(texts.size());
    for (int i = 0; i < outcomes.size(); i++) {
      CheckedGeneration.Outcome o = outcomes.get(i);
      promptTokens += o.result().promptTokens();
      generatedTokens += o.result().generatedTokens();
      if (o.failed()) {
        throw new IllegalStateException("document " + i + " of the batch: generation failed: "
            + (o.problem() != null ? o.problem() : o.result().error()));
      }
      values.add(rawValues(o.result().text()));
    }
    return values;
  }

  private long[] encode(DecoderModel model, String text) {
    return model.hasChatTemplate() ? model.encodeChat(prompt.messages(text)) : model.encodePrompt(prompt.plain(text));
  }

  private static Map<String, List<String>> rawValues(String json) {
    try {
      return JsonFieldValues.of(JSON.readTree(json));
    } catch (IOException e) {
      throw new IllegalStateException("generated output is not JSON", e);
    }
  }

  /** Prompt tokens this extractor has sent through the model (for throughput reports). */
  public long promptTokens() {
    return promptTokens;
  }

  /** Tokens this extractor has generated. */
  public long generatedTokens() {
    return generatedTokens;
  }

  @Override
  public void close() {
    try {
      compiled.close();
    } finally {
      lease.close();
    }
  }
}
