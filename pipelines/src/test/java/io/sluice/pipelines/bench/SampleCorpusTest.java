package io.sluice.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.sluice.pii.CodePoints;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards conf/samples (the corpus the README's first command sweeps and the gold data later tests assert on):
 * every planted value sits at its code-point offsets and passes the checksum a recognizer will apply, so a
 * failing detection test points at the recognizer, not at the sample.
 */
class SampleCorpusTest {
  private static final Path SAMPLES = Path.of("..", "conf", "samples");
  private static final Set<String> MODERATION_CATEGORIES =
      Set.of("toxicity", "hate", "harassment", "sexual", "violence", "self_harm", "spam");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static Map<String, String> texts;
  private static JsonNode manifest;

  @BeforeAll
  static void load() throws IOException {
    texts = new HashMap<>();
    for (String line : Files.readAllLines(SAMPLES.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
      JsonNode doc = MAPPER.readTree(line);
      String previous = texts.put(doc.get("id").asText(), doc.get("text").asText());
      assertEquals(null, previous, "duplicate id " + doc.get("id").asText());
    }
    manifest = MAPPER.readTree(SAMPLES.resolve("manifest.json").toFile()).get("documents");
  }

  @Test
  void manifestCoversEveryDocumentAndOffsetsAreCodePoints() {
    assertEquals(200, texts.size());
    assertEquals(texts.keySet(), iterable(manifest.fieldNames()));
    int nonBmpBeforeEntity = 0;
    for (Map.Entry<String, String> doc : texts.entrySet()) {
      CodePoints cp = new CodePoints(doc.getValue());
      JsonNode entry = manifest.get(doc.getKey());
      for (String list : List.of("entities", "decoys")) {
        for (JsonNode span : entry.get(list)) {
          int start = span.get("start").asInt();
          int end = span.get("end").asInt();
          assertTrue(0 <= start && start < end && end <= cp.codePointLength(), doc.getKey());
          assertEquals(span.get("value").asText(), doc.getValue().substring(cp.toChar(start), cp.toChar(end)),
              doc.getKey() + " " + span.get("type"));
          String before = doc.getValue().substring(0, cp.toChar(start));
          if (before.length() != before.codePointCount(0, before.length())) {
            nonBmpBeforeEntity++;
          }
        }
      }
    }
    assertTrue(nonBmpBeforeEntity >= 20, "emoji/non-BMP text before entities: " + nonBmpBeforeEntity);
  }

  @Test
  void checksummedValuesAreValid() throws Exception {
    PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    Map<String, Integer> seen = new HashMap<>();
    List<String> invalidPhones = new java.util.ArrayList<>();
    for (JsonNode entry : (Iterable<JsonNode>) manifest::elements) {
      for (JsonNode e : entry.get("entities")) {
        String type = e.get("type").asText();
        String value = e.get("value").asText();
        seen.merge(type, 1, Integer::sum);
        switch (type) {
          case "CREDIT_CARD" -> assertTrue(CorpusGeneratorTest.luhn(value), value);
          case "IBAN_CODE" -> assertTrue(CorpusGeneratorTest.ibanMod97(value), value);
          case "UK_NHS" -> assertTrue(nhsValid(value), value);
          case "US_SSN" -> assertTrue(ssnValid(value), value);
          case "US_ITIN" -> assertTrue(value.matches("9\\d{2}-(5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])-\\d{4}"), value);
          case "CRYPTO" -> assertTrue(bitcoinValid(value), value);
          case "PHONE_NUMBER" -> {
            if (!phones.isValidNumber(phones.parse(value, e.get("region").asText()))) {
              invalidPhones.add(value + " (" + e.get("region").asText() + ")");
            }
          }
          default -> { }
        }
      }
    }
    assertEquals(List.of(), invalidPhones, "phone numbers libphonenumber rejects");
    for (String type : List.of("PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS", "EMAIL_ADDRESS",
        "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "URL", "DOMAIN_NAME", "MAC_ADDRESS",
        "CRYPTO", "DATE_TIME", "US_PASSPORT", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "US_ITIN", "UK_NHS")) {
      assertTrue(seen.getOrDefault(type, 0) >= 3, type + " planted " + seen.get(type));
    }
  }

  @Test
  void decoysFailTheirChecksums() {
    int decoys = 0;
    for (JsonNode entry : (Iterable<JsonNode>) manifest::elements) {
      for (JsonNode d : entry.get("decoys")) {
        decoys++;
        String value = d.get("value").asText();
        switch (d.get("looks_like").asText()) {
          case "CREDIT_CARD" -> assertFalse(CorpusGeneratorTest.luhn(value), value);
          case "IBAN_CODE" -> assertFalse(CorpusGeneratorTest.ibanMod97(value), value);
          case "UK_NHS" -> assertFalse(nhsValid(value), value);
          case "US_SSN" -> assertFalse(ssnValid(value), value);
          default -> { }
        }
      }
    }
    assertTrue(decoys >= 20, "decoys " + decoys);
  }

  @Test
  void plantedHarmfulAndCleanDocumentsAreLabelled() {
    int harmful = 0;
    int noPii = 0;
    for (JsonNode entry : (Iterable<JsonNode>) manifest::elements) {
      for (JsonNode category : entry.get("moderation")) {
        assertTrue(MODERATION_CATEGORIES.contains(category.asText()), category.asText());
      }
      if (entry.get("moderation").size() > 0) {
        harmful++;
        assertEquals(0, entry.get("entities").size(), "harmful documents carry no planted PII");
      }
      if (entry.get("kind").asText().equals("no_pii")) {
        noPii++;
        assertEquals(0, entry.get("entities").size());
      }
    }
    assertEquals(7, harmful);
    assertEquals(10, noPii);
  }

  @Test
  void textFilesAreCopiesOfCorpusDocuments() throws IOException {
    Path folder = SAMPLES.resolve("texts");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.toString().endsWith(".txt")).toList();
    }
    assertEquals(5, files.size());
    assertTrue(files.stream().anyMatch(p -> folder.relativize(p).getNameCount() > 1), "a nested folder");
    for (Path file : files) {
      String id = file.getFileName().toString().replace(".txt", "");
      assertEquals(texts.get(id), Files.readString(file, StandardCharsets.UTF_8), id);
    }
  }

  private static boolean nhsValid(String value) {
    String d = value.replace(" ", "");
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return d.length() == 10 && check != 10 && (check == 11 ? 0 : check) == d.charAt(9) - '0';
  }

  private static boolean ssnValid(String value) {
    if (!value.matches("\\d{3}-\\d{2}-\\d{4}")) {
      return false;
    }
    int area = Integer.parseInt(value.substring(0, 3));
    return area > 0 && area != 666 && area < 900 && !value.substring(4, 6).equals("00")
        && !value.endsWith("0000");
  }

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  static boolean bitcoinValid(String address) throws NoSuchAlgorithmException {
    return address.startsWith("bc1") ? bech32Valid(address) : base58CheckValid(address);
  }

  private static boolean base58CheckValid(String address) throws NoSuchAlgorithmException {
    BigInteger n = BigInteger.ZERO;
    for (char c : address.toCharArray()) {
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(BASE58.indexOf(c)));
    }
    byte[] raw = n.toByteArray();
    byte[] bytes = new byte[25];  // version + 20-byte hash + 4-byte checksum; leading '1's are zero bytes
    int copy = Math.min(raw.length, 25);
    System.arraycopy(raw, raw.length - copy, bytes, 25 - copy, copy);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] check = sha.digest(sha.digest(Arrays.copyOf(bytes, 21)));
    return (bytes[0] == 0x00 || bytes[0] == 0x05) && Arrays.equals(Arrays.copyOf(check, 4), Arrays.copyOfRange(bytes, 21, 25));
  }

  private static boolean bech32Valid(String address) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    String data = address.substring(3);
    int[] values = new int[5 + data.length()];
    values[0] = 3; values[1] = 3; values[2] = 0; values[3] = 'b' & 31; values[4] = 'c' & 31;
    for (int i = 0; i < data.length(); i++) {
      values[5 + i] = BECH32.indexOf(data.charAt(i));
    }
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ v;
      for (int i = 0; i < 5; i++) {
        chk ^= ((top >>> i) & 1) != 0 ? gen[i] : 0;
      }
    }
    return chk == 1 && data.charAt(0) == 'q' && address.length() == 42;
  }

  private static Set<String> iterable(java.util.Iterator<String> names) {
    Set<String> out = new HashSet<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
