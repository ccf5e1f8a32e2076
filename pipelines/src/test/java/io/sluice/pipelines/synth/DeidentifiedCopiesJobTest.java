package io.sluice.pipelines.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.pii.validators.Iban;
import io.sluice.pii.validators.Luhn;
import io.sluice.pipelines.io.OutputFormat;
import io.sluice.pipelines.runner.RunnerSettings;
import io.sluice.pipelines.testing.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example de-identified copies spec ({@code conf/synth/deidentified-copies.yaml}: the default policy, slm-ner
 * included, and the gate's scan) end to end on a corpus written here: every original value is gone from records/,
 * a value repeated in a document gets one surrogate throughout, cards pass Luhn and IBANs mod-97, and the run
 * reconciles.
 */
class DeidentifiedCopiesJobTest {
  static final Path SPEC = Path.of("..", "conf", "synth", "deidentified-copies.yaml");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String TICKET = "Ticket from Maria Gonzalez: my card 4111 1111 1111 1111 was charged twice."
      + " Please refund to GB82 WEST 1234 5698 7654 32, not to 4111 1111 1111 1111."
      + " Thanks, Maria Gonzalez (maria.gonzalez@example.org)";
  private static final Pattern TICKET_SHAPE = Pattern.compile("Ticket from (.+): my card (.+) was charged twice\\."
      + " Please refund to (.+), not to (.+)\\. Thanks, (.+) \\((.+)\\)");
  private static final String LETTER = "Dear support, this is Thomas Becker. Call me on +44 20 7946 0958 or write to"
      + " t.becker@example.com. My IBAN is DE89 3704 0044 0532 0130 00. Regards, Thomas Becker";
  private static final Pattern LETTER_SHAPE = Pattern.compile("Dear support, this is (.+)\\. Call me on (.+) or write"
      + " to (.+)\\. My IBAN is (.+)\\. Regards, (.+)");
  private static final String CLEAN = "Order 5521 shipped on time, no personal data here at all.";
  private static final List<String> ORIGINALS = List.of("Maria", "Gonzalez", "Thomas Becker", "4111 1111 1111 1111",
      "4111111111111111", "GB82 WEST", "GB82WEST", "DE89 3704", "DE89370400", "maria.gonzalez@example.org",
      "t.becker@example.com", "7946 0958", "79460958");

  @TempDir Path dir;

  @Test
  void copiesHoldConsistentValidSurrogatesAndNoOriginalValue() throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.write(corpus, List.of(
        JSON.writeValueAsString(Map.of("id", "ticket", "text", TICKET)),
        JSON.writeValueAsString(Map.of("id", "letter", "text", LETTER)),
        JSON.writeValueAsString(Map.of("id", "clean", "text", CLEAN))));
    Path out = dir.resolve("out");
    SynthSummary summary = SynthesizeJob.run(new SynthOptions(SPEC, -1, out, null, RunnerSettings.direct(),
        OutputFormat.JSONL, corpus.toString(), false, null));

    assertTrue(summary.reconciled(), summary.reconciliationLine());
    assertEquals(3, summary.recordsGenerated());
    assertEquals(3, summary.recordsWritten(), "nothing dead-lettered: " + summary.deadLettersByKind());
    Map<String, JsonNode> records = OutputFiles.byKey(OutputFiles.read(out.resolve("records")), "id");
    assertEquals(CLEAN, records.get("clean").get("text").asText(), "a text without PII is copied as it is");

    Matcher ticket = shape(TICKET_SHAPE, records.get("ticket"));
    assertEquals(ticket.group(1), ticket.group(5), "the same name, the same surrogate, throughout the document");
    assertEquals(ticket.group(2), ticket.group(4), "the same card, the same surrogate");
    assertValidCard(ticket.group(2));
    assertTrue(Iban.isValid(Iban.compact(ticket.group(3))), ticket.group(3));
    assertTrue(ticket.group(6).contains("@"), ticket.group(6));

    Matcher letter = shape(LETTER_SHAPE, records.get("letter"));
    assertEquals(letter.group(1), letter.group(5), "the same name, the same surrogate");
    assertTrue(Iban.isValid(Iban.compact(letter.group(4))), letter.group(4));
    assertTrue(letter.group(3).contains("@"), letter.group(3));
    assertNotEquals(ticket.group(1), letter.group(1), "without a key, documents do not share surrogates");

    String written = allText(out.resolve("records"));
    for (String original : ORIGINALS) {
      assertFalse(written.contains(original), "an original value is left in records/: " + original);
    }
  }

  private static Matcher shape(Pattern shape, JsonNode record) {
    String text = record.get("text").asText();
    Matcher m = shape.matcher(text);
    assertTrue(m.matches(), "only the PII changed: " + text);
    return m;
  }

  private static void assertValidCard(String card) {
    assertTrue(card.matches("\\d{4} \\d{4} \\d{4} \\d{4}"), "the card's format is kept: " + card);
    assertTrue(Luhn.isValid(card.replace(" ", "")), "Luhn: " + card);
  }

  private static String allText(Path folder) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        text.append(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }
}
