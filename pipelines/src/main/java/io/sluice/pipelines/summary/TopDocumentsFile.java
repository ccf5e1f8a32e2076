package io.sluice.pipelines.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.schemas.DocumentFindingCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * The staged candidates of {@link BundleTopDocuments}: one {@code {"doc_id":..., "findings":...}} JSON line per
 * candidate, in files written by the job's JSONL sink.
 */
public final class TopDocumentsFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TopDocumentsFile() {}

  /** Merges the candidates in the files matching {@code pattern}: the best {@code count}, most findings first. */
  public static List<DocumentFindingCount> read(String pattern, int count) throws IOException {
    List<DocumentFindingCount> top = new ArrayList<>();
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    for (MatchResult.Metadata file : match.metadata()) {
      String content;
      try (var in = java.nio.channels.Channels.newInputStream(FileSystems.open(file.resourceId()))) {
        content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String line : content.split("\n")) {
        if (!line.isBlank()) {
          JsonNode candidate = MAPPER.readTree(line);
          top.add(new DocumentFindingCount(candidate.get("doc_id").asText(), candidate.get("findings").asLong()));
        }
      }
    }
    top.sort(BundleTopDocuments.BEST_FIRST);
    return top.size() > count ? List.copyOf(top.subList(0, count)) : top;
  }
}
