package io.sluice.pipelines.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Reads a job's part files back, whatever the format, as plain JSON trees with the same field names. */
public final class OutputFiles {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private OutputFiles() {}

  public static List<JsonNode> read(Path folder) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    List<Path> parts;
    try (Stream<Path> files = Files.list(folder)) {
      parts = files.filter(f -> f.getFileName().toString().startsWith("part")).sorted().toList();
    }
    for (Path part : parts) {
      String name = part.getFileName().toString();
      if (name.endsWith(".jsonl")) {
        for (String line : Files.readAllLines(part)) {
          rows.add(MAPPER.readTree(line));
        }
      } else if (name.endsWith(".avro")) {
        try (DataFileReader<GenericRecord> reader =
            new DataFileReader<>(new File(part.toString()), new GenericDatumReader<>())) {
          reader.forEach(r -> rows.add(toJson(r)));
        }
      } else if (name.endsWith(".parquet")) {
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
            HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(part.toUri()), new Configuration())).build()) {
          for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
            rows.add(toJson(r));
          }
        }
      } else {
        throw new IOException("unexpected part file " + name);
      }
    }
    return rows;
  }

  /** Rows keyed by a field, for comparisons that ignore order. */
  public static Map<String, JsonNode> byKey(List<JsonNode> rows, String field) {
    Map<String, JsonNode> keyed = new TreeMap<>();
    rows.forEach(r -> keyed.put(r.get(field).asText(), r));
    return keyed;
  }

  private static JsonNode toJson(GenericRecord record) {
    try {
      // GenericData's toString is JSON with plain (untagged) unions.
      return MAPPER.readTree(record.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
