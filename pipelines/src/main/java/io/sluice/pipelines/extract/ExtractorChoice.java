package io.sluice.pipelines.extract;

import io.sluice.extract.ExtractionSchema;
import io.sluice.extract.FieldSpec;
import io.sluice.models.extract.FieldExtractorFactory;
import io.sluice.models.extract.GenerativeFieldExtractor;
import io.sluice.models.extract.GenerativeSettings;
import io.sluice.models.extract.SpanFieldExtractor;
import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The field extractor a user picks with {@code --mode} and {@code --model}, checked before a job starts: the model
 * directory must be of the mode's kind, and a span model must have been trained for the schema's fields.
 */
public final class ExtractorChoice {
  /** How fields are found. */
  public enum Mode {
    /** A token-classification head trained per schema ({@code sluice train extract}). */
    SPAN,
    /** A decoder SLM prompted with the field docs, decoding constrained by the schema. */
    GENERATIVE
  }

  private ExtractorChoice() {}

  public static FieldExtractorFactory factory(Mode mode, Path model, ExtractionSchema schema,
      GenerativeSettings generative) {
    if (model == null || !Files.isDirectory(model)) {
      throw new ConfigException("--model " + model + " is not a directory: give a "
          + (mode == Mode.SPAN ? "span model directory (written by 'sluice train extract', e.g. conf/extract/sroie/model)"
              : "Hugging Face decoder directory (config.json, model.safetensors, tokenizer.json)"));
    }
    return switch (mode) {
      case SPAN -> span(model, schema);
      case GENERATIVE -> generative(model, schema, generative);
    };
  }

  /** What the summary calls the extractor. */
  public static String describe(Mode mode, Path model) {
    return mode.name().toLowerCase(java.util.Locale.ROOT) + ":" + model;
  }

  private static FieldExtractorFactory span(Path model, ExtractionSchema schema) {
    Path trained = model.resolve(SpanFieldExtractor.SCHEMA);
    if (!Files.isRegularFile(trained)) {
      throw new ConfigException("--model " + model + " has no " + SpanFieldExtractor.SCHEMA
          + ": it is not a span model; train one with 'sluice train extract' or use --mode generative");
    }
    List<String> known;
    try {
      known = ExtractionSchema.fromFile(trained).fields().stream().map(FieldSpec::name).toList();
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read the span model's schema " + trained + ": " + e.getMessage());
    }
    for (FieldSpec field : schema.fields()) {
      if (!known.contains(field.name())) {
        throw new ConfigException("the span model in " + model + " was trained for fields " + known
            + "; the schema's field '" + field.name() + "' is not one of them (retrain it for this schema)");
      }
    }
    return SpanFieldExtractor.factory(model);
  }

  private static FieldExtractorFactory generative(Path model, ExtractionSchema schema, GenerativeSettings settings) {
    if (!Files.isRegularFile(model.resolve("config.json"))) {
      throw new ConfigException("--model " + model + " has no config.json: give a Hugging Face decoder directory");
    }
    return GenerativeFieldExtractor.factory(model, schema.extracted().toString(), settings);
  }
}
