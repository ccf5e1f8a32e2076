package io.sluice.synth.fields;

/** What a field generator produces, checked against the Avro type of its field when the spec is loaded. */
public enum ValueKind {
  /** A {@link String}; fits Avro string and enum fields. */
  STRING,
  /** A {@link Long}; fits int (within range), long, float and double fields. */
  INTEGER,
  /** A {@link Double}; fits float and double fields. */
  DECIMAL,
  /** A {@link java.time.Instant}; fits string (formatted), long timestamp-millis and int date fields. */
  TIMESTAMP,
  /** A {@link TemplateText}: a string whose injected slots are known; fits string fields. */
  TEXT,
  /** The gold spans of a template field: fits an array of {entity_type, start, end[, value]} records. */
  SPANS
}
