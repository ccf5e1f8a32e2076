package io.sluice.pii.operators;

import static io.sluice.pii.operators.Policies.apply;
import static io.sluice.pii.operators.Policies.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import java.math.BigInteger;
import java.net.InetAddress;
import java.time.LocalDate;
import java.security.MessageDigest;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Surrogates: consistent, valid by checks written here independently of the generator, realistic. */
class SurrogateTest {
  /** Every built-in entity plus one a custom recognizer would declare. */
  private static final String[] ALL =
      Stream.concat(EntityTypes.KNOWN.stream(), Stream.of("EMPLOYEE_ID"))
          .toArray(String[]::new);
  private final Anonymizer anonymizer = Policies.anonymizer(Policies.with(spec("surrogate"), ALL), Policies.ENV);

  private String fake(String entity, String value) {
    return apply(anonymizer, entity, value);
  }

  @Test
  void oneOriginalGetsOneFakeAcrossDocumentsAndInstances() {
    Anonymizer other = Policies.anonymizer(Policies.with(spec("surrogate"), ALL), Policies.ENV);
    String doc1 = "Card 4111 1111 1111 1111, call +44 20 7946 0958.";
    String doc2 = "Call +44 20 7946 0958 today. Card 4111 1111 1111 1111!";
    String out1 = anonymizer.anonymize(doc1, List.of(at(doc1, "4111 1111 1111 1111", "CREDIT_CARD"),
        at(doc1, "+44 20 7946 0958", "PHONE_NUMBER"))).text();
    String out2 = other.anonymize(doc2, List.of(at(doc2, "+44 20 7946 0958", "PHONE_NUMBER"),
        at(doc2, "4111 1111 1111 1111", "CREDIT_CARD"))).text();
    String card = out1.substring(5, 24);
    String phone = out1.substring(31, 47);
    assertTrue(out2.contains(card) && out2.contains(phone), out1 + " / " + out2);
    assertNotEquals("4111 1111 1111 1111", card);
  }

  @Test
  void anotherKeyGivesOtherFakes() {
    Anonymizer otherKey = Policies.anonymizer(Policies.with(spec("surrogate"), ALL), Policies.OTHER_ENV);
    assertNotEquals(fake("CREDIT_CARD", "4111 1111 1111 1111"), apply(otherKey, "CREDIT_CARD", "4111 1111 1111 1111"));
    assertNotEquals(fake("PERSON", "Jane Doe"), apply(otherKey, "PERSON", "Jane Doe"));
  }

  @Test
  void cardFakesPassLuhnKeepFormatAndNetwork() {
    for (String card : List.of("4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "6011000990139424",
        "3056 9309 0259 04")) {
      String fake = fake("CREDIT_CARD", card);
      assertEquals(card.replaceAll("\\d", "9"), fake.replaceAll("\\d", "9"), "format of " + fake);
      assertTrue(luhnValid(fake.replaceAll("\\D", "")), fake);
      assertEquals(card.charAt(0), fake.charAt(0), "network of " + fake);
      assertNotEquals(card, fake);
    }
  }

  @Test
  void ibanFakesPassMod97WithTheCountryAndLength() {
    for (String iban : List.of("DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR14 2004 1010 0505 0001 3M02 606",
        "NL91 ABNA 0417 1643 00")) {
      String fake = fake("IBAN_CODE", iban);
      assertEquals(iban.substring(0, 2), fake.substring(0, 2));
      assertEquals(iban.replaceAll("[A-Z0-9]", "x"), fake.replaceAll("[A-Z0-9]", "x"), "format of " + fake);
      assertTrue(mod97Valid(fake.replace(" ", "")), fake);
      assertNotEquals(iban, fake);
    }
  }

  @Test
  void ssnAndItinFakesFollowTheIssuingRules() {
    for (int i = 0; i < 300; i++) {
      String ssn = fake("US_SSN", String.format("%03d-%02d-%04d", 100 + i, 10 + i % 80, 1000 + i));
      assertTrue(ssn.matches("\\d{3}-\\d{2}-\\d{4}"), ssn);
      int area = Integer.parseInt(ssn.substring(0, 3));
      assertTrue(area >= 1 && area <= 899 && area != 666, ssn);
      assertNotEquals("00", ssn.substring(4, 6), ssn);
      assertNotEquals("0000", ssn.substring(7), ssn);
    }
    assertTrue(fake("US_SSN", "123 45 6789").matches("\\d{3} \\d{2} \\d{4}"));
    assertTrue(fake("US_SSN", "123456789").matches("\\d{9}"));
    String itin = fake("US_ITIN", "912-70-1234");
    int group = Integer.parseInt(itin.substring(4, 6));
    assertTrue(itin.startsWith("9") && (group >= 70 && group <= 88 || group >= 90 && group <= 92 || group >= 94), itin);
  }

  @Test
  void nhsFakesPassMod11() {
    for (int i = 0; i < 50; i++) {
      String nhs = fake("UK_NHS", "943 476 " + (5900 + i));
      assertTrue(nhs.matches("\\d{3} \\d{3} \\d{4}"), nhs);
      String digits = nhs.replace(" ", "");
      int sum = 0;
      for (int d = 0; d < 9; d++) {
        sum += (digits.charAt(d) - '0') * (10 - d);
      }
      assertEquals((11 - sum % 11) % 11, digits.charAt(9) - '0', nhs);
    }
  }

  @Test
  void phoneFakesAreValidNumbersOfTheSameCountryAndFormat() throws Exception {
    PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    Map<String, String> numbers = Map.of("+1 (415) 555-2671", "US", "(212) 736-5000", "US",
        "+44 20 7946 0958", "GB", "030 901820", "DE", "+33 1 42 68 53 00", "FR");
    numbers.forEach((number, region) -> {
      String fake = fake("PHONE_NUMBER", number);
      assertEquals(number.replaceAll("\\d", "9"), fake.replaceAll("\\d", "9"), "format of " + fake);
      assertNotEquals(number, fake);
      try {
        var parsed = util.parse(fake, region);
        assertTrue(util.isValidNumber(parsed), fake);
        assertEquals(region, util.getRegionCodeForNumber(parsed), fake);
      } catch (Exception e) {
        throw new AssertionError(fake, e);
      }
    });
  }

  @Test
  void dateFakesAreRealDatesInTheSameFormat() {
    String iso = fake("DATE_TIME", "2024-02-29");
    LocalDate shifted = LocalDate.parse(iso);
    assertNotEquals(LocalDate.of(2024, 2, 29), shifted);
    assertTrue(Math.abs(shifted.toEpochDay() - LocalDate.of(2024, 2, 29).toEpochDay()) <= 365);
    String us = fake("DATE_TIME", "03/14/2023");
    LocalDate.parse(us, DateTimeFormatter.ofPattern("MM/dd/yyyy"));
    String words = fake("DATE_TIME", "March 14, 2023");
    LocalDate.parse(words, DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US));
    String time = fake("DATE_TIME", "10:30");
    assertTrue(time.matches("\\d{2}:\\d{2}") && !time.equals("10:30"), time);
    LocalDate.parse(fake("DATE_TIME", "last Tuesday"));
  }

  @Test
  void otherFakesLookReal() throws Exception {
    assertTrue(fake("EMAIL_ADDRESS", "jane.doe@corp.example").matches("[^@\\s]+@[^@\\s]+\\.[a-z]{2,}"));
    String person = fake("PERSON", "Jane Doe");
    assertTrue(person.matches("\\S+ \\S.*") && !person.contains("Jane"), person);
    assertTrue(fake("PERSON", "Jane").matches("\\S+"));
    String ip = fake("IP_ADDRESS", "192.168.1.20");
    assertTrue(ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), ip);
    InetAddress.getByName(ip);
    assertTrue(fake("IP_ADDRESS", "2001:db8::1").contains(":"));
    String url = fake("URL", "https://intranet.corp.example/people/jane");
    assertTrue(url.matches("https://www\\.[a-z0-9.-]+\\.[a-z]{2,}/\\S+"), url);
    String mac = fake("MAC_ADDRESS", "00:1A:2b:3C:4d:5E");
    assertTrue(mac.matches("\\p{XDigit}{2}(:\\p{XDigit}{2}){5}") && !mac.equalsIgnoreCase("00:1A:2b:3C:4d:5E"), mac);
    String passport = fake("US_PASSPORT", "A12345678");
    assertTrue(passport.matches("[A-Z]\\d{8}") && !passport.equals("A12345678"), passport);
    String employee = fake("EMPLOYEE_ID", "EMP-004211");
    assertTrue(employee.matches("[A-Z]{3}-\\d{6}") && !employee.equals("EMP-004211"), employee);
  }

  @Test
  void bitcoinFakesPassBase58Check() throws Exception {
    for (String address : List.of("1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")) {
      String fake = fake("CRYPTO", address);
      assertEquals(address.charAt(0), fake.charAt(0), fake);
      assertNotEquals(address, fake);
      String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
      BigInteger value = BigInteger.ZERO;
      for (char c : fake.toCharArray()) {
        assertTrue(alphabet.indexOf(c) >= 0, fake);
        value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(alphabet.indexOf(c)));
      }
      byte[] raw = value.toByteArray();
      byte[] bytes = new byte[25]; // version + 20-byte hash + 4-byte checksum, right-aligned
      int copy = Math.min(raw.length, 25);
      System.arraycopy(raw, raw.length - copy, bytes, 25 - copy, copy);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] check = sha.digest(sha.digest(Arrays.copyOf(bytes, 21)));
      assertEquals(Arrays.toString(Arrays.copyOf(check, 4)),
          Arrays.toString(Arrays.copyOfRange(bytes, 21, 25)), fake);
    }
    String bech32 = fake("CRYPTO", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    assertTrue(bech32.matches("bc1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{39}"), bech32);
  }

  @Test
  void differentOriginalsMostlyGetDifferentFakes() {
    Set<String> cards = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      cards.add(fake("CREDIT_CARD", "4111 1111 1111 " + String.format("%04d", i)));
      names.add(fake("PERSON", "Person Number" + i));
    }
    assertEquals(500, cards.size());
    assertTrue(names.size() > 450, "distinct fake names: " + names.size());
  }

  private static Detection at(String text, String value, String entity) {
    int start = text.indexOf(value);
    return new Detection(entity, start, start + value.length(), 0.9, "test");
  }

  /** Luhn written from the definition: double every second digit from the right, sum digits, mod 10. */
  private static boolean luhnValid(String digits) {
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      int value = i % 2 == 1 ? digit * 2 : digit;
      sum += value / 10 + value % 10;
    }
    return sum % 10 == 0;
  }

  /** ISO 13616: move the first four characters to the end, letters to 10..35, the number mod 97 is 1. */
  private static boolean mod97Valid(String iban) {
    Map<String, Integer> lengths = Map.of("DE", 22, "GB", 22, "FR", 27, "NL", 18);
    if (iban.length() != lengths.get(iban.substring(0, 2))) {
      return false;
    }
    StringBuilder numeric = new StringBuilder();
    for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }
}
