package io.sluice.pipelines.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.models.eval.EntityMapping;
import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.EvaluationJson;
import io.sluice.models.eval.EvaluationResult;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.PiiEvaluator;
import io.sluice.models.eval.SkipWords;
import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.policy.Policy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code sluice eval pii}: scores a sweep's PII findings against gold annotations, per entity, at token and
 * span level (precision, recall, F1, F2). Predictions come from running the policy's analyzer over the gold
 * texts, or from an earlier sweep's findings. Writes eval.json and eval.txt under the output folder.
 */
public final class PiiEvalJob {
  /** What to evaluate: gold documents, where predictions come from, and how to score. */
  public record Settings(List<GoldDocument> gold, Policy policy, Path findingsOrNull, EntityMapping mapping,
      Set<String> entities, SkipWords skipWords, Path output) {}

  /** Scores, and the analyzer's speed when it ran (0 when findings were read). */
  public record Outcome(EvaluationResult result, int documents, long characters, double seconds) {}

  private static final int CHUNK = 64;

  private PiiEvalJob() {}

  public static Outcome run(Settings s, PrintStream out) throws IOException {
    List<GoldDocument> gold = s.gold().stream().map(s.mapping()::apply).toList();
    long started = System.nanoTime();
    List<List<EntitySpan>> predicted = s.findingsOrNull() == null ? analyze(gold, s.policy()) : read(gold, s);
    double seconds = s.findingsOrNull() == null ? (System.nanoTime() - started) / 1e9 : 0;
    predicted = predicted.stream().map(s.mapping()::apply).toList();
    EvaluationResult result = new PiiEvaluator(s.entities(), s.skipWords(), 0.5).evaluate(gold, predicted);
    long chars = gold.stream().mapToLong(d -> d.text().length()).sum();
    Outcome outcome = new Outcome(result, gold.size(), chars, seconds);
    String table = result.toTable();
    out.print(table);
    if (seconds > 0) {
      out.printf(Locale.ROOT, "analyzer: %d documents, %d chars in %.1f s (%.1f documents/s)%n", gold.size(), chars,
          seconds, gold.size() / seconds);
    }
    write(s.output(), outcome, table);
    return outcome;
  }

  private static List<List<EntitySpan>> analyze(List<GoldDocument> gold, Policy policy) {
    List<List<EntitySpan>> out = new ArrayList<>(gold.size());
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      for (int from = 0; from < gold.size(); from += CHUNK) {
        List<GoldDocument> chunk = gold.subList(from, Math.min(gold.size(), from + CHUNK));
        List<List<Detection>> found = analyzer.analyzeAll(chunk.stream().map(GoldDocument::text).toList());
        for (int i = 0; i < chunk.size(); i++) {
          out.add(codePoints(chunk.get(i).text(), found.get(i)));
        }
      }
    }
    return out;
  }

  private static List<List<EntitySpan>> read(List<GoldDocument> gold, Settings s) throws IOException {
    Map<String, List<EntitySpan>> byId = SweepFindingsReader.read(s.findingsOrNull());
    return gold.stream().map(d -> byId.getOrDefault(d.id(), List.of())).toList();
  }

  static List<EntitySpan> codePoints(String text, List<Detection> detections) {
    CodePoints cp = new CodePoints(text);
    List<EntitySpan> out = new ArrayList<>(detections.size());
    for (Detection d : detections) {
      out.add(new EntitySpan(d.entityType(), cp.toCodePoint(d.start()), cp.toCodePoint(d.end())));
    }
    return out;
  }

  private static void write(Path output, Outcome o, String table) throws IOException {
    Files.createDirectories(output);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = EvaluationJson.toJson(json, o.result());
    root.put("documents", o.documents());
    root.put("characters", o.characters());
    root.put("analyzer_seconds", o.seconds());
    json.writeValue(output.resolve("eval.json").toFile(), root);
    Files.writeString(output.resolve("eval.txt"), table);
  }
}
