package io.sluice.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusGeneratorTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path tmp;

  private static byte[] concatenatedShards(Path dir, int shards) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (int s = 0; s < shards; s++) {
      all.write(Files.readAllBytes(dir.resolve(CorpusGenerator.shardName(s))));
    }
    return all.toByteArray();
  }

  private static List<JsonNode> read(Path dir, int shards) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      for (String line : Files.readAllLines(dir.resolve(CorpusGenerator.shardName(s)), StandardCharsets.UTF_8)) {
        docs.add(MAPPER.readTree(line));
      }
    }
    return docs;
  }

  @Test
  void sameSeedSameBytesWhateverTheShardCount() throws IOException {
    CorpusGenerator.writeJsonl(tmp.resolve("a"), 60, 1, 7);
    CorpusGenerator.writeJsonl(tmp.resolve("b"), 60, 1, 7);
    CorpusGenerator.writeJsonl(tmp.resolve("c"), 60, 4, 7);
    byte[] a = concatenatedShards(tmp.resolve("a"), 1);
    assertArrayEquals(a, concatenatedShards(tmp.resolve("b"), 1));
    assertArrayEquals(a, concatenatedShards(tmp.resolve("c"), 4));

    CorpusGenerator.writeJsonl(tmp.resolve("d"), 60, 1, 8);
    assertFalse(java.util.Arrays.equals(a, concatenatedShards(tmp.resolve("d"), 1)), "another seed, another corpus");
  }

  @Test
  void writesValidJsonLinesOfAboutTwoKilobytesWithSequentialIds() throws IOException {
    int documents = 300;
    int shards = 3;
    CorpusGenerator.writeJsonl(tmp, documents, shards, 42);
    List<JsonNode> docs = read(tmp, shards);
    assertEquals(documents, docs.size());
    long bytes = 0;
    for (int i = 0; i < documents; i++) {
      JsonNode doc = docs.get(i);
      assertEquals(2, doc.size(), "only id and text");
      assertEquals(CorpusGenerator.documentId(i), doc.get("id").asText());
      String text = doc.get("text").asText();
      assertTrue(text.length() >= BenchDocumentFactory.MIN_CHARS - 5, "short document " + i);
      assertTrue(text.length() <= BenchDocumentFactory.MAX_CHARS + 400, "long document " + i);
      bytes += text.getBytes(StandardCharsets.UTF_8).length;
    }
    double mean = (double) bytes / documents;
    assertTrue(mean > 1800 && mean < 2300, "mean document size " + mean);
    // Shards split evenly.
    for (int s = 0; s < shards; s++) {
      assertEquals(100, Files.readAllLines(tmp.resolve(CorpusGenerator.shardName(s))).size());
    }
  }

  @Test
  void mixesPiiDensitiesAndPlantsValidCardsAndIbans() throws IOException {
    CorpusGenerator.writeJsonl(tmp, 400, 2, 42);
    List<JsonNode> docs = read(tmp, 2);
    int withoutEmail = 0;
    int cards = 0;
    int ibans = 0;
    Pattern card = Pattern.compile("The card on file is ([0-9 -]+)\\.");
    Pattern iban = Pattern.compile("IBAN ([A-Z]{2}[0-9]{2}[A-Z0-9]+)\\.");
    for (JsonNode doc : docs) {
      String text = doc.get("text").asText();
      if (!text.contains("@")) {
        withoutEmail++;
      }
      for (Matcher m = card.matcher(text); m.find(); cards++) {
        assertTrue(luhn(m.group(1)), "card fails Luhn in " + doc.get("id").asText());
      }
      for (Matcher m = iban.matcher(text); m.find(); ibans++) {
        assertTrue(ibanMod97(m.group(1)), "IBAN fails mod-97 in " + doc.get("id").asText());
      }
    }
    assertTrue(cards > 20 && ibans > 20, "cards " + cards + ", ibans " + ibans);
    // A tenth carry no PII at all and light documents often have no email either; dense ones nearly always do.
    assertTrue(withoutEmail > 40 && withoutEmail < 300, "documents without an email: " + withoutEmail);
  }

  @Test
  void zeroDocumentsGivesEmptyShardsAndBadArgumentsAreRejected() throws IOException {
    CorpusGenerator.writeJsonl(tmp, 0, 2, 1);
    assertEquals(0, Files.size(tmp.resolve("part-00001.jsonl")));
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.writeJsonl(tmp, 10, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.writeJsonl(tmp, -1, 1, 1));
  }

  @Test
  void parsesOptions() {
    CorpusGenerator.Options o = CorpusGenerator.Options.parse(
        new String[] {"--out", "x", "--documents", "12", "--shards", "3", "--seed", "9"});
    assertEquals(Path.of("x"), o.out);
    assertEquals(12, o.documents);
    assertEquals(3, o.shards);
    assertEquals(9, o.seed);
    assertEquals(50_000, CorpusGenerator.Options.parse(new String[] {"--out", "x"}).documents);
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.Options.parse(new String[] {"--documents", "5"}));
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.Options.parse(new String[] {"--out", "x", "--shards", "two"}));
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.Options.parse(new String[] {"--out", "x", "--bogus", "1"}));
    assertThrows(IllegalArgumentException.class, () -> CorpusGenerator.Options.parse(new String[] {"--out"}));
  }

  static boolean luhn(String number) {
    String digits = number.replaceAll("[^0-9]", "");
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return digits.length() >= 12 && sum % 10 == 0;
  }

  static boolean ibanMod97(String iban) {
    String compact = iban.replace(" ", "");
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.getNumericValue(c));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
