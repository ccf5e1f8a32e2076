package io.sluice.pipelines.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.pipelines.ConfigException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads back the records a job wrote (a part file, or a folder of them: {@code .jsonl}, {@code .avro} or
 * {@code .parquet}) as JSON objects, in the same plain form {@link JsonRecords} writes, for evaluation and checks.
 */
public final class RecordFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordFiles() {}

  public static List<JsonNode> readAsJson(Path fileOrFolder) {
    List<Path> files;
    try (Stream<Path> listing = Files.isDirectory(fileOrFolder) ? Files.list(fileOrFolder) : Stream.of(fileOrFolder)) {
      files = listing.filter(p -> suffix(p) != null).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + fileOrFolder, e);
    }
    if (files.isEmpty()) {
      throw new ConfigException(fileOrFolder + " holds no .jsonl, .avro or .parquet record files");
    }
    List<JsonNode> records = new ArrayList<>();
    for (Path file : files) {
      try {
        read(file, records);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read records from " + file, e);
      }
    }
    return records;
  }

  private static void read(Path file, List<JsonNode> into) throws IOException {
    String suffix = suffix(file);
    if (suffix.equals(".jsonl")) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank()) {
          into.add(JSON.readTree(line));
        }
      }
      return;
    }
    RecordFileFormat format = suffix.equals(".avro") ? RecordFileFormat.AVRO : RecordFileFormat.PARQUET;
    try (FileChannel channel = FileChannel.open(file);
        RecordFileFormat.RecordStream stream = format.open(channel)) {
      for (GenericRecord r = stream.next(); r != null; r = stream.next()) {
        into.add(JSON.readTree(JsonRecords.toJson(r)));
      }
    }
  }

  private static String suffix(Path file) {
    String name = file.getFileName().toString();
    for (String s : List.of(".jsonl", ".avro", ".parquet")) {
      if (name.endsWith(s) && !name.startsWith(".")) {
        return s;
      }
    }
    return null;
  }
}
