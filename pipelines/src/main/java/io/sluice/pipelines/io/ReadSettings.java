package io.sluice.pipelines.io;

import java.io.Serializable;

/**
 * How readers find a document in a record. Shipped to workers inside the reading DoFns.
 *
 * @param idField JSON field or column holding the id; records without one get a derived id
 * @param textField JSON field or column holding the text
 * @param maxDocBytes documents larger than this (UTF-8 bytes) are dead-lettered as TOO_LARGE
 */
public record ReadSettings(String idField, String textField, long maxDocBytes) implements Serializable {

  /** 64 MiB: far above any real document, low enough that one record cannot exhaust a worker. */
  public static final long DEFAULT_MAX_DOC_BYTES = 64L * 1024 * 1024;

  public static ReadSettings defaults() {
    return new ReadSettings("id", "text", DEFAULT_MAX_DOC_BYTES);
  }
}
