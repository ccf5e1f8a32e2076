package io.sluice.pipelines.io;

import java.util.Locale;

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

  /**
   * The name of part {@code part} (from 0) of {@code parts} in a job's output folder: {@code part-00001-of-00003.parquet}.
   * ASCII digits whatever the JVM's locale.
   */
  public String partFileName(long part, long parts) {
    return String.format(Locale.ROOT, "part-%05d-of-%05d%s", part, parts, suffix);
  }
}
