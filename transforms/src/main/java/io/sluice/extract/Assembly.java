package io.sluice.extract;

import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * What {@link RecordAssembler} made of one document's raw values: a record (with the optional fields it set to null
 * because their values could not be normalised), or the reason the document goes to the dead letters.
 *
 * @param record null when the document failed
 * @param nulledFields optional fields whose value was not normalisable, in schema order
 * @param errorKind for a failed document: {@link ExtractMetrics#MISSING_FIELD} or {@link ExtractMetrics#NOT_NORMALISED}
 * @param reason for a failed document: the field and why, never its value
 */
public record Assembly(GenericRecord record, List<String> nulledFields, String errorKind, String reason) {

  static Assembly built(GenericRecord record, List<String> nulledFields) {
    return new Assembly(record, List.copyOf(nulledFields), null, null);
  }

  static Assembly failed(String errorKind, String reason) {
    return new Assembly(null, List.of(), errorKind, reason);
  }

  public boolean succeeded() {
    return record != null;
  }
}
