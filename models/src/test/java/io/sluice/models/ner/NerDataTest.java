package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers and label mapping of the public data, on small files the test writes (the real data is not shipped). */
class NerDataTest {
  @TempDir Path dir;

  @Test
  void conllBioAndIoTagsBecomeCodePointSpans() throws IOException {
    Path f = dir.resolve("x.conll");
    Files.writeString(f, "-DOCSTART- -X- O O\n\nJosé\tB-person\nGarcía\tI-person\nvisited\tO\nNew\tB-location\n"
        + "York\tI-location\n\t\nSilicon NNP - I-ORG\nValley NNP - I-ORG\nBank NNP - I-ORG\nhired NNP - O\n"
        + "Tim NNP - I-PER\n");
    List<GoldDocument> docs = ConllReader.read(f, Map.of("person", "PERSON", "location", "LOCATION",
        "ORG", "ORGANIZATION", "PER", "PERSON")::get);
    assertEquals(2, docs.size());
    assertEquals("José García visited New York", docs.get(0).text());
    assertEquals(List.of(new EntitySpan("PERSON", 0, 11), new EntitySpan("LOCATION", 20, 28)), docs.get(0).spans());
    assertEquals(List.of(new EntitySpan("ORGANIZATION", 0, 19), new EntitySpan("PERSON", 26, 29)), docs.get(1).spans());
  }

  @Test
  void unmappedTypesAreOutsideAndAdjacentBeginTagsSplit() throws IOException {
    Path f = dir.resolve("y.conll");
    Files.writeString(f, "iPhone\tB-product\nAnna\tB-person\nBob\tB-person\n");
    GoldDocument d = ConllReader.read(f, PublicNerData.WNUT::get).get(0);
    assertEquals(List.of(new EntitySpan("PERSON", 7, 11), new EntitySpan("PERSON", 12, 15)), d.spans());
  }

  @Test
  void missingTagColumnIsAnError() throws IOException {
    Path f = dir.resolve("z.conll");
    Files.writeString(f, "lonely\n");
    assertThrows(IOException.class, () -> ConllReader.read(f, PublicNerData.WNUT::get));
  }

  @Test
  void secRolesTaggedAsPersonsAreDropped() {
    GoldDocument d = new GoldDocument("s", "the Borrower and Jonathan Medved",
        List.of(new EntitySpan("PERSON", 4, 12), new EntitySpan("PERSON", 17, 32)));
    assertEquals(List.of(new EntitySpan("PERSON", 17, 32)), PublicNerData.withoutRoles(d).spans());
  }

  @Test
  void resumeMarkupBecomesSpansWithTrimmedEdgesAndUnescapedText() {
    String xml = "<?xml version=\"1.0\"?>\n<cv>\"<label type=\"Name\"> Ana Ruiz </label> at "
        + "<label type=\"Companies worked at\">AT&amp;T</label> <label type=\"Skills\">java</label>\"</cv>";
    GoldDocument d = ResumeReader.parse("cv", xml, PublicNerData.RESUMES::get);
    assertEquals("\n\" Ana Ruiz  at AT&T java\"", d.text());
    assertEquals(List.of(new EntitySpan("PERSON", 3, 11), new EntitySpan("ORGANIZATION", 16, 20)), d.spans());
  }

  @Test
  void goldTagsMarkTheFirstTokenOfEachSpanAsBegin() {
    // tokens: Anna [0,4) Berg [5,9) and [10,13) Bob [14,17)
    int[] starts = {0, 5, 10, 14};
    int[] ends = {4, 9, 13, 17};
    int[] tags = GoldTags.of(List.of(new EntitySpan("PERSON", 0, 9), new EntitySpan("PERSON", 14, 17)), starts, ends,
        NerLabels.ENTITIES);
    assertEquals(List.of(1, 2, 0, 1), java.util.Arrays.stream(tags).boxed().toList());
  }

  @Test
  void generatorIsDeterministicAndItsSpansHoldTheValues() {
    List<GoldDocument> a = new TrainingDocumentGenerator(7).generate(200, "g");
    List<GoldDocument> b = new TrainingDocumentGenerator(7).generate(200, "g");
    assertEquals(a, b);
    boolean lower = false;
    boolean upper = false;
    boolean multiLineAddress = false;
    for (GoldDocument d : a) {
      lower |= d.text().equals(d.text().toLowerCase(java.util.Locale.ROOT)) && !d.spans().isEmpty();
      upper |= d.text().equals(d.text().toUpperCase(java.util.Locale.ROOT)) && !d.spans().isEmpty();
      for (EntitySpan s : d.spans()) {
        String value = PublicNerData.substring(d.text(), s);
        assertFalse(value.isBlank(), d.id());
        assertEquals(value.strip(), value, "span edges are visible characters in " + d.id());
        multiLineAddress |= s.type().equals("STREET_ADDRESS") && value.contains("\n");
      }
    }
    assertTrue(lower && upper && multiLineAddress);
    assertFalse(a.equals(new TrainingDocumentGenerator(8).generate(200, "g")));
  }

  @Test
  void socialPostsAreDeterministicMostlyLowerCaseAndTheirHandlesAreNotNames() {
    List<GoldDocument> a = new SocialPostGenerator(7).generate(300, "s");
    assertEquals(a, new SocialPostGenerator(7).generate(300, "s"));
    long lowerWithNames = a.stream().filter(d -> !d.spans().isEmpty()
        && d.text().equals(d.text().toLowerCase(java.util.Locale.ROOT))).count();
    long nameless = a.stream().filter(d -> d.spans().isEmpty()).count();
    assertTrue(lowerWithNames > 100 && nameless > 10, lowerWithNames + " / " + nameless);
    for (GoldDocument d : a) {
      for (EntitySpan s : d.spans()) {
        String value = PublicNerData.substring(d.text(), s);
        assertEquals(value.strip(), value, d.id());
        assertFalse(value.isBlank() || value.contains("@") || value.contains("#"), d.id() + ": " + value);
      }
    }
  }
}
