package io.sluice.models.extract;

import io.sluice.models.generate.template.ChatMessage;
import java.util.List;
import java.util.Locale;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The instruction a generative model gets for extraction: one line per field of the record schema (name, type in
 * words, whether it may be null, and the field's {@code doc}), then the document. The output's shape is enforced
 * by constrained decoding; the words only tell the model what goes where.
 */
public final class ExtractionPrompt {
  private final String instructions;

  public ExtractionPrompt(Schema record) {
    StringBuilder b = new StringBuilder();
    b.append("Extract these fields from the document and answer with one JSON object:\n");
    for (Schema.Field field : record.getFields()) {
      b.append("- ").append(field.name()).append(" (").append(describe(field.schema())).append(")");
      if (field.doc() != null && !field.doc().isBlank()) {
        b.append(": ").append(field.doc().strip());
      }
      b.append('\n');
    }
    b.append("Copy values as they are written in the document. Use null for a field the document does not have.");
    this.instructions = b.toString();
  }

  /** The conversation for models with a chat template. */
  public List<ChatMessage> messages(String document) {
    return List.of(ChatMessage.user(instructions + "\n\nDocument:\n" + document));
  }

  /** A plain prompt for models without one. */
  public String plain(String document) {
    return instructions + "\n\nDocument:\n" + document + "\n\nJSON:\n";
  }

  private static String describe(Schema type) {
    if (type.getLogicalType() instanceof LogicalTypes.Date) {
      return "date, YYYY-MM-DD";
    }
    if (type.getLogicalType() instanceof LogicalTypes.Decimal) {
      return "amount, a plain number without currency";
    }
    return switch (type.getType()) {
      case UNION -> type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
          .map(ExtractionPrompt::describe).orElse("null") + ", or null";
      case ARRAY -> "list of " + describe(type.getElementType());
      case ENUM -> "one of " + String.join(", ", type.getEnumSymbols());
      case INT, LONG -> "whole number";
      case FLOAT, DOUBLE -> "number";
      case BOOLEAN -> "true or false";
      default -> type.getType().getName().toLowerCase(Locale.ROOT);
    };
  }
}
