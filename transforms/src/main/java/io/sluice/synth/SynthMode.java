package io.sluice.synth;

/** What a synthesis spec generates. */
public enum SynthMode {
  /** Records of an Avro schema, one generator per field. */
  SCHEMA,
  /** Records whose text field a decoder SLM writes from a prompt template filled per record. */
  SLM,
  /** De-identified copies of a real corpus (detection plus consistent surrogates). */
  DEID
}
