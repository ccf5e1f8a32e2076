package io.sluice.pipelines.sweep;

import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output folder of a job. An earlier run's parts would mix with this run's (Beam names parts by
 * shard count), so a folder holding results is refused unless the user asks to overwrite.
 */
public record OutputLayout(Path root) {
  static final List<String> RESULT_NAMES =
      List.of("documents", "findings", "records", "dead_letter", "quarantine", "moderation", "summary.json",
          "report.html", ".staging");

  public Path documents() {
    return root.resolve("documents");
  }

  /** Typed records of an extraction or synthesis job. */
  public Path records() {
    return root.resolve("records");
  }

  public Path findings() {
    return root.resolve("findings");
  }

  /** Documents moderation quarantined: they are written here and not to documents/. */
  public Path quarantine() {
    return root.resolve("quarantine");
  }

  /** One moderation result per moderated document. */
  public Path moderation() {
    return root.resolve("moderation");
  }

  public Path deadLetters() {
    return root.resolve("dead_letter");
  }

  public Path summary() {
    return root.resolve("summary.json");
  }

  public Path report() {
    return root.resolve("report.html");
  }

  /** Scratch space (temporary files of the sinks, small side results), removed when the job ends. */
  public Path staging() {
    return root.resolve(".staging");
  }

  /** Makes the folder ready: refuses (or with overwrite, clears) earlier results; never touches other files. */
  public void prepare(boolean overwrite) {
    try {
      if (Files.exists(root) && !Files.isDirectory(root)) {
        throw new ConfigException("--output " + root + " is a file: give a folder");
      }
      for (String name : RESULT_NAMES) {
        Path existing = root.resolve(name);
        if (Files.exists(existing)) {
          if (!overwrite) {
            throw new ConfigException("--output " + root + " already holds results (" + name
                + "): choose a new folder or pass --overwrite");
          }
          deleteRecursively(existing);
        }
      }
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every kind gets its folder even when nothing was written to it, so consumers find a stable layout. */
  void finish(boolean moderated) throws IOException {
    if (moderated) {
      finish(List.of(documents(), findings(), deadLetters(), quarantine(), moderation()));
    } else {
      finish(List.of(documents(), findings(), deadLetters()));
    }
  }

  /** Creates the folders of {@code kinds} that nothing was written to and removes the staging folder. */
  public void finish(List<Path> kinds) throws IOException {
    for (Path kind : kinds) {
      Files.createDirectories(kind);
    }
    deleteRecursively(staging());
  }

  /** Deletes {@code path} and everything under it; nothing when it does not exist. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
