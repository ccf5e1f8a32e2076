package io.sluice.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyLoader;
import io.sluice.schemas.Document;
import io.sluice.schemas.ModerationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Moderate with the default policy and the embedded model on the sample corpus (conf/samples): the harmful
 * documents planted there (manifest "moderation" non-empty) are quarantined, every other document is kept.
 */
class ModerateSampleCorpusTest {
  private static final Path SAMPLES = Path.of("..", "conf", "samples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Document> documents = new ArrayList<>();
  private static final Set<String> harmful = new TreeSet<>();
  private static final Set<String> clean = new TreeSet<>();

  @BeforeAll
  static void readSamples() throws Exception {
    for (String line : Files.readAllLines(SAMPLES.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode n = JSON.readTree(line);
      documents.add(Document.newBuilder().setId(n.get("id").asText()).setText(n.get("text").asText())
          .setSource("corpus.jsonl").build());
    }
    JsonNode manifest = JSON.readTree(SAMPLES.resolve("manifest.json").toFile()).get("documents");
    manifest.fields().forEachRemaining(e -> (e.getValue().get("moderation").isEmpty() ? clean : harmful)
        .add(e.getKey()));
  }

  @Test
  void plantedHarmfulDocumentsAreQuarantinedAndTheRestKept() {
    assertEquals(7, harmful.size(), "the corpus plants seven harmful documents");
    Policy policy = PolicyLoader.defaultPolicy();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    PCollection<Document> docs = p.apply(Create.of(documents).withCoder(AvroCoder.of(Document.class)));
    Moderate.Result moderated = docs.apply(Moderate.with(policy).withBatchLimits(32, 1 << 20));

    PAssert.that(ids(moderated.quarantined())).satisfies(got -> {
      assertEquals(harmful, new TreeSet<>(list(got)), "quarantined documents");
      return null;
    });
    PAssert.that(ids(moderated.kept())).satisfies(got -> {
      assertEquals(clean, new TreeSet<>(list(got)), "kept documents");
      return null;
    });
    PAssert.that(moderated.results()).satisfies(results -> {
      List<ModerationResult> all = list(results);
      assertEquals(documents.size(), all.size(), "one result per document");
      for (ModerationResult r : all) {
        assertEquals(7, r.getScores().size());
        boolean quarantined = r.getAction().equals("quarantine");
        assertEquals(harmful.contains(r.getDocId()), quarantined, r.getDocId() + " " + r.getFlagged());
        assertEquals(quarantined, !r.getFlagged().isEmpty(), "default policy: every flag quarantines");
      }
      return null;
    });
    PAssert.that(moderated.deadLetters()).empty();
    p.run().waitUntilFinish();
  }

  @Test
  void aSingleHarmfulSentenceInsideALongBenignDocumentIsFound() {
    StringBuilder benign = new StringBuilder();
    for (int i = 0; benign.length() < 9000; i++) {
      benign.append("Meeting notes ").append(i).append(": the team reviewed the quarterly budget, the vendor ")
          .append("contract and the onboarding plan, and agreed on next steps for the release. ");
    }
    // one threatening sentence in the middle of ~2000 tokens of notes: the document is scored in sentence chunks
    // and each category takes its maximum over chunks, so the sentence is not averaged away
    String threat = "Delete your review or I will find you and you will end up in hospital. ";
    int middle = benign.indexOf("Meeting notes 30:");
    String harmful = benign.substring(0, middle) + threat + benign.substring(middle);
    Document longBenign = Document.newBuilder().setId("long-benign").setText(benign.toString()).build();
    Document longHarmful = Document.newBuilder().setId("long-harmful").setText(harmful).build();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    Moderate.Result moderated = p.apply(Create.of(longBenign, longHarmful).withCoder(AvroCoder.of(Document.class)))
        .apply(Moderate.with(PolicyLoader.defaultPolicy()));
    PAssert.that(ids(moderated.quarantined())).containsInAnyOrder("long-harmful");
    PAssert.that(ids(moderated.kept())).containsInAnyOrder("long-benign");
    p.run().waitUntilFinish();
    assertTrue(middle > 4000 && harmful.length() - middle > 4000, "the threat is far from both ends");
  }

  private static PCollection<String> ids(PCollection<Document> docs) {
    return docs.apply(MapElements.into(TypeDescriptors.strings()).via(d -> d.getId()));
  }

  private static <T> List<T> list(Iterable<T> it) {
    return StreamSupport.stream(it.spliterator(), false).toList();
  }

}
