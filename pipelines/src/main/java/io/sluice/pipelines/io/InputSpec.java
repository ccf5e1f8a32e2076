package io.sluice.pipelines.io;

import io.sluice.pipelines.ConfigException;
import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * A resolved input: what to read and how. Build it with {@link #resolve}, which fails fast when the
 * input does not exist, so a typo never becomes an empty run.
 *
 * @param format how to read the matched files
 * @param baseDirectory the folder text-file ids are relative to (Beam's spelling, ending in '/')
 * @param settings id and text fields, size limit
 * @param files the matched files, in a stable order, never empty
 */
public record InputSpec(
    InputFormat format, String baseDirectory, ReadSettings settings, List<MatchResult.Metadata> files) {

  public InputSpec {
    files = List.copyOf(files);
  }

  /** One matched file, used to check the schema of Avro and Parquet inputs. */
  public MatchResult.Metadata firstFile() {
    return files.get(0);
  }

  /**
   * Resolves a user's input path: a file, a glob, or a folder (read recursively as text files unless a
   * format is forced).
   *
   * @param format null to detect the format from the path
   */
  public static InputSpec resolve(String input, InputFormat format, ReadSettings settings) {
    InputLocation location = InputLocation.of(input);
    InputFormat resolved = format != null ? format : location.isDirectory() ? InputFormat.TEXT : InputFormat.detect(input);
    List<MatchResult.Metadata> files = location.match();
    if (files.isEmpty()) {
      throw new ConfigException("no input files match '" + input + "': check --input");
    }
    return new InputSpec(resolved, location.baseDirectory(), settings, files);
  }
}
