package io.sluice.extract;

/** The value types an extraction field may have; each has one normaliser (see {@link FieldNormaliser}). */
public enum FieldKind {
  STRING,
  INT,
  LONG,
  DOUBLE,
  BOOLEAN,
  ENUM,
  /** Avro {@code int} with logical type {@code date}: days since 1970-01-01. */
  DATE,
  /** Avro {@code bytes} or {@code fixed} with logical type {@code decimal}: an unscaled big-endian integer. */
  DECIMAL
}
