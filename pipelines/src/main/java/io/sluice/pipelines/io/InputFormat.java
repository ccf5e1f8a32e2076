package io.sluice.pipelines.io;

import java.util.Locale;

/** The kinds of input a job reads; {@link #detect} picks one from the path when the user names none. */
public enum InputFormat {
  JSONL,
  PARQUET,
  AVRO,
  TEXT;

  /**
   * The format a path's extension implies: {@code .jsonl}/{@code .json} (optionally gzipped) is JSONL,
   * {@code .parquet} Parquet, {@code .avro} Avro; anything else (a folder, a glob of text files) is TEXT.
   */
  public static InputFormat detect(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".json")) {
      return JSONL;
    }
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    if (name.endsWith(".avro")) {
      return AVRO;
    }
    return TEXT;
  }
}
