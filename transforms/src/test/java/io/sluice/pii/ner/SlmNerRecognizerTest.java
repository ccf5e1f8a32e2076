package io.sluice.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.EvaluationResult;
import io.sluice.models.eval.GoldDocument;
import io.sluice.models.eval.GoldReaders;
import io.sluice.models.eval.PiiEvaluator;
import io.sluice.models.eval.SkipWords;
import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import io.sluice.pii.analyzer.Analyzer;
import io.sluice.policy.PolicyException;
import io.sluice.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default sweep's analyzer, with the shipped NER model, on the sample corpus (never used in training). */
class SlmNerRecognizerTest {
  private static final Path SAMPLES = Path.of("..", "conf", "samples");
  private static final Set<String> NER = Set.of("PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS");
  /** Measured with the shipped model; a regression past it fails the build. */
  private static final int MAX_NAMES_IN_NAMELESS_DOCUMENTS = 4;
  private static List<GoldDocument> gold;
  private static Map<String, List<EntitySpan>> found;

  @BeforeAll
  static void sweepTheSampleCorpus() throws IOException {
    gold = GoldReaders.readManifest(SAMPLES.resolve("manifest.json"), SAMPLES.resolve("corpus.jsonl"));
    found = new HashMap<>();
    try (Analyzer analyzer = Analyzer.fromPolicy(PolicyLoader.defaultPolicy())) {
      assertTrue(analyzer.recognizerNames().contains(SlmNerRecognizer.NAME));
      List<List<Detection>> all = analyzer.analyzeAll(gold.stream().map(GoldDocument::text).toList());
      for (int i = 0; i < gold.size(); i++) {
        found.put(gold.get(i).id(), codePoints(gold.get(i).text(), all.get(i)));
      }
    }
  }

  @AfterAll
  static void release() {
    found = null;
  }

  @Test
  void findsKnownNamesPlacesOrganisationsAndAddresses() {
    // spans from conf/samples/manifest.json
    assertFound("doc-0001", "ORGANIZATION", 21, 40); // Northwind Logistics
    assertFound("doc-0001", "PERSON", 103, 118); // Rahul Johansson
    assertFound("doc-0001", "STREET_ADDRESS", 119, 151); // 922 Elm Street\nSeattle, WA 98134
    assertFound("doc-0002", "PERSON", 6, 24); // Elena van der Berg
  }

  @Test
  void coversMostOfTheCorpusEntities() {
    List<List<EntitySpan>> predicted = gold.stream().map(d -> found.get(d.id())).toList();
    EvaluationResult r = new PiiEvaluator(NER, SkipWords.none(), 0.5).evaluate(gold, predicted);
    System.out.println("sample corpus, default policy analyzer, NER entities\n" + r.toTable());
    assertTrue(r.spanLevel().get("PERSON").recall() >= 0.85, r.toTable());
    assertTrue(r.tokenTotal().f2() >= 0.75, r.toTable());
  }

  @Test
  void documentsWithoutNamesGetFewNames() {
    List<GoldDocument> nameless = gold.stream()
        .filter(d -> d.spans().stream().noneMatch(s -> NER.contains(s.type()))).toList();
    List<String> names = new ArrayList<>();
    for (GoldDocument d : nameless) {
      found.get(d.id()).stream().filter(s -> s.type().equals("PERSON")).forEach(s -> names.add(d.id() + " " + s));
    }
    assertTrue(nameless.size() >= 20);
    assertTrue(names.size() <= MAX_NAMES_IN_NAMELESS_DOCUMENTS, names.size() + " PERSON findings in "
        + nameless.size() + " documents without names: " + names);
  }

  @Test
  void offsetsAreCharsInTheJavaStringAfterNonBmpText() {
    String text = "\uD83C\uDF89\uD83D\uDC69\u200D\uD83D\uDC67 Dear Maria Gonzalez, your parcel left our depot in Rotterdam.";
    try (Recognizer r = new SlmNerRecognizerFactory().create(Map.of("type", "slm-ner"), PolicyLoader.defaultPolicy())) {
      List<Detection> ds = r.analyzeAll(List.of(text, "")).get(0);
      Detection person = ds.stream().filter(d -> d.entityType().equals("PERSON")).findFirst().orElseThrow();
      assertEquals("Maria Gonzalez", text.substring(person.start(), person.end()));
      assertTrue(ds.stream().anyMatch(d -> text.substring(d.start(), d.end()).equals("Rotterdam")), ds.toString());
      assertEquals(List.of(), r.analyze(""));
    }
  }

  @Test
  void perEntityThresholdsDropLowScoringSpans() {
    String text = "Hi Tom, Anna Berg from Globex Corporation will visit Oslo on Monday.";
    Map<String, Object> strict = Map.of("type", "slm-ner", "thresholds", Map.of("PERSON", 1.0));
    try (Recognizer lenient = new SlmNerRecognizerFactory().create(Map.of("type", "slm-ner"), PolicyLoader.defaultPolicy());
        Recognizer picky = new SlmNerRecognizerFactory().create(strict, PolicyLoader.defaultPolicy())) {
      assertTrue(lenient.analyze(text).stream().anyMatch(d -> d.entityType().equals("PERSON")));
      assertTrue(picky.analyze(text).stream().allMatch(d -> !d.entityType().equals("PERSON") || d.score() >= 1.0));
    }
  }

  @Test
  void badSettingsAreClearErrors() {
    SlmNerRecognizerFactory f = new SlmNerRecognizerFactory();
    assertEquals(NER, f.entities(Map.of("type", "slm-ner")));
    assertEquals(Set.of("PERSON"), f.entities(Map.of("type", "slm-ner", "entities", List.of("PERSON"))));
    assertThrows(PolicyException.class, () -> f.validate(Map.of("type", "slm-ner", "treshold", 0.5)));
    assertThrows(PolicyException.class, () -> f.validate(Map.of("type", "slm-ner", "entities", List.of("EMAIL_ADDRESS"))));
    assertThrows(PolicyException.class, () -> f.validate(Map.of("type", "slm-ner", "min_score", 1.5)));
    assertThrows(PolicyException.class, () -> f.validate(Map.of("type", "slm-ner", "model", "/no/such/dir")));
    assertThrows(PolicyException.class, () -> f.validate(Map.of("type", "slm-ner", "entities", List.of("PERSON"),
        "thresholds", Map.of("LOCATION", 0.5))));
    assertThrows(PolicyException.class, () -> f.validate(Map.of("type", "slm-ner", "texts_per_call", 0)));
  }

  private static void assertFound(String doc, String type, int start, int end) {
    EntitySpan want = new EntitySpan(type, start, end);
    List<EntitySpan> got = found.get(doc);
    assertTrue(got.stream().anyMatch(s -> s.type().equals(type) && overlap(s, want) >= 0.5),
        doc + ": no " + type + " at [" + start + ", " + end + ") among " + got);
  }

  private static double overlap(EntitySpan a, EntitySpan b) {
    int inter = Math.min(a.end(), b.end()) - Math.max(a.start(), b.start());
    int union = Math.max(a.end(), b.end()) - Math.min(a.start(), b.start());
    return inter <= 0 ? 0 : (double) inter / union;
  }

  private static List<EntitySpan> codePoints(String text, List<Detection> detections) {
    CodePoints cp = new CodePoints(text);
    List<EntitySpan> out = new ArrayList<>();
    for (Detection d : detections) {
      if (NER.contains(d.entityType())) {
        out.add(new EntitySpan(d.entityType(), cp.toCodePoint(d.start()), cp.toCodePoint(d.end())));
      }
    }
    return out;
  }
}
