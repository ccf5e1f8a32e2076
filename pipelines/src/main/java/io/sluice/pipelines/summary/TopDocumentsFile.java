package io.sluice.pipelines.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.schemas.DocumentFindingCount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.values.KV;

/** The staged ranking of {@link TopDocuments}: one {@code [findings, "doc id"]} JSON array per line. */
public final class TopDocumentsFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TopDocumentsFile() {}

  static String line(KV<String, Long> idAndCount) {
    try {
      return MAPPER.writeValueAsString(List.of(idAndCount.getValue(), idAndCount.getKey()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the ranking back from the files matching {@code pattern}, most findings first. */
  public static List<DocumentFindingCount> read(String pattern) throws IOException {
    List<DocumentFindingCount> top = new ArrayList<>();
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata file : match.metadata()) {
      String content;
      try (var in = java.nio.channels.Channels.newInputStream(FileSystems.open(file.resourceId()))) {
        content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String line : content.split("\n")) {
        if (!line.isBlank()) {
          JsonNode pair = MAPPER.readTree(line);
          top.add(new DocumentFindingCount(pair.get(1).asText(), pair.get(0).asLong()));
        }
      }
    }
    top.sort(Comparator.comparingLong(DocumentFindingCount::getFindings).reversed()
        .thenComparing(DocumentFindingCount::getDocId));
    return top;
  }
}
