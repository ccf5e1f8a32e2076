package io.sluice.models.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.heads.LabeledSpan;
import io.sluice.models.runtime.ModelCache;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped model, loaded from the classpath with no network. */
class NerModelTest {
  private static ModelCache.Lease<NerModel> model;

  @BeforeAll
  static void load() {
    model = NerModel.shared(null, "cpu", 0);
  }

  @AfterAll
  static void release() {
    model.close();
  }

  @Test
  void isSharedPerJvmAndPinsItsEncoder() {
    try (ModelCache.Lease<NerModel> again = NerModel.shared(null, "cpu", 0)) {
      assertTrue(again.get() == model.get());
    }
    assertEquals(64, model.get().config().encoderSha256().length());
    assertEquals(NerLabels.ENTITIES, model.get().entities());
  }

  @Test
  void spansAreCodePointsAfterNonBmpText() {
    String text = "\uD83D\uDE80\uD83D\uDE80 Please ask Maria Gonzalez at Northwind Logistics in Rotterdam.";
    List<LabeledSpan> spans = model.get().predict(List.of(text)).get(0);
    LabeledSpan person = spans.stream().filter(s -> s.label().equals("PERSON")).findFirst().orElseThrow();
    assertEquals("Maria Gonzalez", substring(text, person));
  }

  @Test
  void longDocumentsAreCoveredToTheEnd() {
    StringBuilder sb = new StringBuilder("Dear Maria Gonzalez,\n\n");
    for (int i = 0; i < 150; i++) {
      sb.append("The quarterly report lists the figures for item ").append(i).append(". ");
    }
    sb.append("\n\nBest regards,\nThomas Becker\n");
    String text = sb.toString();
    List<LabeledSpan> spans = model.get().predict(List.of(text, "no names here")).get(0);
    assertTrue(model.get().encoder().tokenizer().tokenize(text).size() > 1500);
    List<String> people = spans.stream().filter(s -> s.label().equals("PERSON")).map(s -> substring(text, s)).toList();
    assertTrue(people.contains("Maria Gonzalez") && people.contains("Thomas Becker"), people.toString());
  }

  @Test
  void emptyAndPlainTextsGiveNoEntities() {
    List<List<LabeledSpan>> out = model.get().predict(List.of("", "the version string is 1.4.2"));
    assertEquals(List.of(), out.get(0));
    assertTrue(out.get(1).stream().noneMatch(s -> s.label().equals("PERSON")), out.get(1).toString());
  }

  private static String substring(String text, LabeledSpan s) {
    int from = text.offsetByCodePoints(0, s.start());
    return text.substring(from, text.offsetByCodePoints(from, s.end() - s.start()));
  }
}
