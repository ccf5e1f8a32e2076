package io.sluice.models.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.models.generate.constrained.JsonSchemaConstraints;
import io.sluice.models.generate.constrained.TokenVocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * What a JSON Schema asks of generation with one model: a constraint that masks the logits at every step so the
 * output parses and validates within the token budget, and a check of the finished text (a safety net whose
 * failures are retried, then dead-lettered with the reason).
 */
public record StructuredOutput(ConstraintFactory constraints, OutputCheck check) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Compiles {@code schemaJson} for the model's tokenizer; outputs must complete within {@code maxNewTokens}. */
  public static StructuredOutput forSchema(String schemaJson, DecoderModel model, int maxNewTokens) {
    JsonNode schema;
    TokenVocabulary vocabulary;
    try {
      schema = JSON.readTree(schemaJson);
      vocabulary = TokenVocabulary.fromTokenizerJson(JSON.readTree(model.tokenizer().json()));
    } catch (IOException e) {
      throw new UncheckedIOException("schema or tokenizer.json is not valid JSON", e);
    }
    int[] ends = model.defaults().stopTokens().stream().mapToInt(Integer::intValue).toArray();
    ConstraintFactory budgeted = JsonSchemaConstraints.compile(schemaJson, vocabulary, ends).withTokenBudget(maxNewTokens);
    int tokenizerSize = vocabulary.size();
    // models pad their output layer past the tokenizer (Qwen2.5: 151936 rows, ~151665 tokens): never pick those
    ConstraintFactory factory = () -> new PaddedVocabulary(budgeted.newConstraint(), tokenizerSize);
    return new StructuredOutput(factory, JsonOutputCheck.forSchema(schema));
  }

  /** Blocks the logits of ids the tokenizer does not have, then applies the schema's mask. */
  private record PaddedVocabulary(LogitsConstraint inner, int tokenizerSize) implements LogitsConstraint {
    @Override
    public void maskLogits(float[] logits) {
      if (logits.length > tokenizerSize) {
        Arrays.fill(logits, tokenizerSize, logits.length, Float.NEGATIVE_INFINITY);
      }
      inner.maskLogits(logits);
    }

    @Override
    public void accept(int tokenId) {
      inner.accept(tokenId);
    }

    @Override
    public boolean isComplete() {
      return inner.isComplete();
    }
  }
}
