package io.sluice.extract;

import java.io.Serializable;
import java.util.List;

/**
 * One field of the record a user wants per document, as read from their Avro schema.
 *
 * @param instruction the field's {@code doc}: what to extract, in the user's words (may be empty)
 * @param array the field holds any number of values of {@code kind}
 * @param optional the field's type is a union with null: a value that is missing or cannot be normalised makes it
 *     null (an empty list for an array) instead of failing the record
 * @param symbols the enum's symbols (ENUM only, else empty)
 * @param precision, scale of a DECIMAL (else 0)
 */
public record FieldSpec(String name, String instruction, FieldKind kind, boolean array, boolean optional,
    List<String> symbols, int precision, int scale) implements Serializable {

  public FieldSpec {
    symbols = List.copyOf(symbols);
    instruction = instruction == null ? "" : instruction;
  }
}
