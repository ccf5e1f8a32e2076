package io.sluice.models.generate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a JSON Schema asks of generation: a constraint that masks the logits at every step (null while no
 * constraint is built for the model's tokenizer) and a check of the finished text, whose failures are retried
 * and then dead-lettered with the reason.
 */
public record StructuredOutput(ConstraintFactory constraints, OutputCheck check) {

  public static StructuredOutput forSchema(JsonNode schema, DecoderModel model) {
    return new StructuredOutput(null, JsonOutputCheck.forSchema(schema));
  }
}
