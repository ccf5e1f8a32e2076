package io.sluice.models.extract;

import java.util.List;
import java.util.Map;

/**
 * Finds the raw values of a record's fields in documents, before they are normalised to the field types. Span
 * models return the text of the spans they tag; generative models return the values of the JSON they generate.
 * Implementations may hold native memory and are closed by their owner; {@link #extract} is called from one
 * thread at a time per instance.
 */
public interface FieldExtractor extends AutoCloseable {

  /**
   * The raw values per field name for each text, in the order of {@code texts}. A field's values are in document
   * order (one for a scalar field, any number for an array field); a field that was not found is absent or has an
   * empty list.
   */
  List<Map<String, List<String>>> extract(List<String> texts);

  @Override
  void close();
}
