package io.sluice.pipelines.io;

/** File formats jobs write; Parquet unless the user asks for another. */
public enum OutputFormat {
  PARQUET(".parquet"),
  JSONL(".jsonl"),
  AVRO(".avro");

  private final String suffix;

  OutputFormat(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }
}
