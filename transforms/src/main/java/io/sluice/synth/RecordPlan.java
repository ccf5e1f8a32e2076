package io.sluice.synth;

import io.sluice.synth.fields.FieldSpec;
import java.io.Serializable;
import java.util.List;

/**
 * What a worker needs to build record {@code i}: the output schema, the fields in generation order (a field after
 * those it reads), the spec seed and the id prefix.
 *
 * @param leftToModel the field an SLM writes (null in schema mode): generated fields only fill the prompt
 */
public record RecordPlan(String schemaJson, List<FieldSpec> fields, long seed, String idPrefix, String leftToModel)
    implements Serializable {
  public RecordPlan withSeed(long newSeed) {
    return new RecordPlan(schemaJson, fields, newSeed, idPrefix, leftToModel);
  }

  /** The index of the record with id {@code id} (the inverse of {@link #id}). */
  public long indexOf(String id) {
    return Long.parseLong(id.substring(idPrefix.length()));
  }

  /** The stable id of record {@code index}. */
  public String id(long index) {
    return idPrefix + index;
  }
}
