package io.sluice.pipelines.io;

import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;

/** Where an input path points: a folder (matched recursively), a file or a glob, and the folder ids are relative to. */
final class InputLocation {
  private final String pattern;
  private final String baseDirectory;
  private final boolean directory;

  private InputLocation(String pattern, String baseDirectory, boolean directory) {
    this.pattern = pattern;
    this.baseDirectory = baseDirectory;
    this.directory = directory;
  }

  static InputLocation of(String input) {
    boolean glob = input.contains("*") || input.contains("?") || input.contains("[");
    // Checked here because Beam's local match of a missing plain path walks its parent's whole tree.
    if (!glob && !input.contains("://") && !Files.exists(Path.of(input))) {
      throw new ConfigException("input '" + input + "' does not exist: check --input");
    }
    if (!glob && isDirectory(input)) {
      ResourceId dir = FileSystems.matchNewResource(input, true);
      return new InputLocation(dir.toString() + "**", dir.toString(), true);
    }
    String prefix = glob ? input.substring(0, firstWildcard(input)) : input;
    int slash = prefix.lastIndexOf('/');
    String base = slash < 0 ? "" : prefix.substring(0, slash + 1);
    String baseDirectory = base.isEmpty() ? "" : FileSystems.matchNewResource(base, true).toString();
    return new InputLocation(input, baseDirectory, false);
  }

  String baseDirectory() {
    return baseDirectory;
  }

  boolean isDirectory() {
    return directory;
  }

  /** The matched files, in a stable order. */
  List<MatchResult.Metadata> match() {
    try {
      MatchResult result = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      return result.metadata().stream()
          .sorted((a, b) -> a.resourceId().toString().compareTo(b.resourceId().toString()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new ConfigException("cannot list input '" + pattern + "': " + e.getMessage());
    }
  }

  private static boolean isDirectory(String input) {
    if (input.contains("://")) {
      return input.endsWith("/");
    }
    return Files.isDirectory(Path.of(input));
  }

  private static int firstWildcard(String input) {
    int index = input.length();
    for (char c : new char[] {'*', '?', '['}) {
      int at = input.indexOf(c);
      if (at >= 0) {
        index = Math.min(index, at);
      }
    }
    return index;
  }
}
