package io.sluice.pipelines.cli;

import io.sluice.pipelines.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The check a command makes on a file option before reading it, so every command words a missing file alike. */
final class FileOptions {
  private FileOptions() {}

  /** {@code file} when it is a regular file; otherwise a configuration error naming {@code option} and the path. */
  static Path requireFile(Path file, String option) {
    if (file == null || !Files.isRegularFile(file)) {
      throw new ConfigException(option + ": file " + file + " not found");
    }
    return file;
  }
}
