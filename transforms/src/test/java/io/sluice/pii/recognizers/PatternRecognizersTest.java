package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatternRecognizersTest {

  private static void assertFinds(io.sluice.pii.Recognizer r, String text, String... expected) {
    assertEquals(List.of(expected), Found.texts(r, text), () -> r.name() + " on: " + text);
  }

  private static void assertFindsNothing(io.sluice.pii.Recognizer r, String text) {
    assertEquals(List.of(), Found.texts(r, text), () -> r.name() + " on: " + text);
  }

  @Test
  void email() {
    EmailRecognizer r = new EmailRecognizer();
    String text = "Write to <john.doe+tag@mail.example.com>, or ops@corp.local.";
    assertFinds(r, text, "john.doe+tag@mail.example.com", "ops@corp.local");
    assertEquals(1.0, Found.score(r, text, "john.doe+tag@mail.example.com"));
    assertEquals(0.5, Found.score(r, text, "ops@corp.local"));
    assertFindsNothing(r, "user@ then @example.com and a@b and foo@bar.c");
    assertEquals(EntityTypes.EMAIL_ADDRESS, r.analyze("a.b@example.org").get(0).entityType());
  }

  @Test
  void phoneNumbersValidForARegion() {
    PhoneRecognizer r = new PhoneRecognizer(List.of("US", "GB", "DE"));
    String text = "Call (415) 555-2671 or +44 20 7946 0958; Berlin office 030 901820.";
    assertFinds(r, text, "(415) 555-2671", "+44 20 7946 0958", "030 901820");
    assertEquals(0.4, Found.score(r, text, "(415) 555-2671"));
    // The second time the candidates come from the recognizer's result cache, at other offsets too.
    assertFinds(r, "x " + text, "(415) 555-2671", "+44 20 7946 0958", "030 901820");
    assertFindsNothing(r, "Order 1234567 and 2024-03-05");
    assertFindsNothing(r, "Order 1234567 and 2024-03-05");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Order 1234567 shipped", "card 4111 1111 1111 1111", "host 10.20.30.40 down",
      "on 2024-03-05T10:20:00Z", "total 12345.67 due", "call 555-0000-0000-0000-1"})
  void phoneRejectsOtherNumbers(String text) {
    assertFindsNothing(new PhoneRecognizer(List.of("US", "GB")), text);
  }

  @Test
  void phoneRegionsDecideNationalNumbers() {
    String text = "Ring 020 7946 0958 today";
    assertFindsNothing(new PhoneRecognizer(List.of("US")), text);
    assertFinds(new PhoneRecognizer(List.of("US", "GB")), text, "020 7946 0958");
  }

  @Test
  void furtherRegionsNeedTheirTrunkPrefixOrAContextWord() {
    PhoneRecognizer r = new PhoneRecognizer(List.of("US", "IN"));
    // A valid Indian mobile number, but written like any ten-digit account number.
    assertFindsNothing(r, "Payroll goes to account 98765 43210 monthly.");
    assertFinds(r, "Payroll goes to account 098765 43210 monthly.", "098765 43210");
    assertFinds(r, "Her mobile: 98765 43210.", "98765 43210");
    assertFinds(new PhoneRecognizer(List.of("IN")), "Payroll goes to account 98765 43210 monthly.", "98765 43210");
  }

  @Test
  void creditCardsOfEachIssuer() {
    CreditCardRecognizer r = new CreditCardRecognizer();
    String text = "Visa 4111 1111 1111 1111, MC 5555-5555-5555-4444, 2-series 2223003122003222, Amex 3782 822463 10005, "
        + "Discover 6011111111111117, Diners 30569309025904, JCB 3530111333300000.";
    assertFinds(r, text, "4111 1111 1111 1111", "5555-5555-5555-4444", "2223003122003222", "3782 822463 10005",
        "6011111111111117", "30569309025904", "3530111333300000");
    assertEquals(1.0, Found.score(r, text, "6011111111111117"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111 1111 1111 1112", "1234 5678 9012 3452", "4111 1111-1111 1111", "411111111111111111111",
      "order 12345678901234"})
  void creditCardRejectsBadLuhnUnknownIssuerMixedSeparators(String text) {
    assertFindsNothing(new CreditCardRecognizer(), text);
  }

  @Test
  void ibanCompactSpacedAndTrimmed() {
    IbanRecognizer r = new IbanRecognizer();
    assertFinds(r, "IBAN: DE89 3704 0044 0532 0130 00.", "DE89 3704 0044 0532 0130 00");
    assertFinds(r, "pay GB82WEST12345698765432 now", "GB82WEST12345698765432");
    assertFinds(r, "(GB82 WEST 1234 5698 7654 32)", "GB82 WEST 1234 5698 7654 32");
    assertFinds(r, "BE68 5390 0754 7034 THEN STOP", "BE68 5390 0754 7034");
    assertFindsNothing(r, "DE89 3704 0044 0532 0130 01 and DE12 ABCD and US12 3456 7890 1234");
  }

  @Test
  void ssnFormattedAndBare() {
    UsSsnRecognizer r = new UsSsnRecognizer();
    String text = "SSN 536-22-1234, also 536 22 1235 and 536221236.";
    assertFinds(r, text, "536-22-1234", "536 22 1235", "536221236");
    assertEquals(0.5, Found.score(r, text, "536-22-1234"));
    assertEquals(0.05, Found.score(r, text, "536221236"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-12-3456", "536-00-1234", "536-22-0000", "123-45-6789",
      "078-05-1120", "536-22 1234", "1536-22-1234"})
  void ssnRejectsInvalidAndMixedSeparators(String text) {
    assertFindsNothing(new UsSsnRecognizer(), text);
  }

  @Test
  void ipAddresses() {
    IpAddressRecognizer r = new IpAddressRecognizer();
    assertFinds(r, "from 192.168.1.10, gw 10.0.0.1.", "192.168.1.10", "10.0.0.1");
    assertFinds(r, "v6 2001:db8::8a2e:370:7334 and [::1]:8080 and fe80::1ff:fe23:4567:890a: down",
        "2001:db8::8a2e:370:7334", "::1", "fe80::1ff:fe23:4567:890a");
    assertFindsNothing(r, "256.1.1.1 at 10:30:45, version 1.2.3.4.5, mac 00:1a:2b:3c:4d:5e");
  }

  @Test
  void urls() {
    UrlRecognizer r = new UrlRecognizer();
    assertFinds(r, "See https://example.com/a?b=1&c=2. Or (www.example.org/x) and ftp://files.example.net",
        "https://example.com/a?b=1&c=2", "www.example.org/x", "ftp://files.example.net");
    assertFindsNothing(r, "example.com is a domain; http:// alone; swww.example.com");
  }

  @Test
  void domainNames() {
    DomainNameRecognizer r = new DomainNameRecognizer();
    assertFinds(r, "Visit example.com or mail.example.co.uk.", "example.com", "mail.example.co.uk");
    assertFindsNothing(r, "Open file.txt, e.g. notes.docx; mail bob@example.com; Mr.Smith");
  }

  @Test
  void macAddresses() {
    MacAddressRecognizer r = new MacAddressRecognizer();
    assertFinds(r, "nic 00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5f, 0011.2233.4455.", "00:1A:2B:3C:4D:5E",
        "00-1a-2b-3c-4d-5f", "0011.2233.4455");
    assertFindsNothing(r, "00:1A:2B:3C:4D and 00:1A-2B:3C:4D:5E and 00:1A:2B:3C:4D:5E:6F");
  }

  @Test
  void cryptoAddressesWithValidChecksums() {
    CryptoRecognizer r = new CryptoRecognizer();
    String text = "Send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.";
    assertFinds(r, text, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
    assertFindsNothing(r, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr");
  }

  @Test
  void datesAndTimes() {
    DateTimeRecognizer r = new DateTimeRecognizer();
    assertFinds(r, "Due 2024-03-05, sent 2024-03-05T14:30:00Z, on 03/05/2024 and 31.12.2023.", "2024-03-05",
        "2024-03-05T14:30:00Z", "03/05/2024", "31.12.2023");
    assertFinds(r, "Born March 5, 2024; meet Tue, 5 Mar 2024; since September 2021.", "March 5, 2024",
        "Tue, 5 Mar 2024", "Mar 2024", "September 2021"); // the overlap is resolved by the analyzer
    assertFinds(r, "Call at 14:30 or 9am or 2:15 p.m. or 11:36 pm.", "14:30", "9am", "2:15 p.m.", "11:36 pm");
    assertEquals(0.4, Found.score(r, "at 14:30 sharp", "14:30"));
    assertFindsNothing(r, "Version 1.2.3, ratio 13/45/2024, month 2024-13-01, at 25:61, item 12345678");
  }

  @Test
  void weakUsIdentifiersScoreLow() {
    UsPassportRecognizer passport = new UsPassportRecognizer();
    assertEquals(0.1, Found.score(passport, "no. A12345678", "A12345678"));
    assertEquals(0.05, Found.score(passport, "no. 912345678", "912345678"));
    assertFindsNothing(passport, "AB12345678 and 12345678 and A1234567");

    UsDriverLicenseRecognizer license = new UsDriverLicenseRecognizer();
    assertEquals(0.3, Found.score(license, "DL D1234567", "D1234567"));
    assertFindsNothing(license, "D123 and hello world");

    UsBankNumberRecognizer bank = new UsBankNumberRecognizer();
    assertEquals(0.05, Found.score(bank, "acct 12345678901", "12345678901"));
    assertFindsNothing(bank, "acct 1234567 and 123456789012345678");
  }

  @Test
  void itin() {
    UsItinRecognizer r = new UsItinRecognizer();
    String text = "ITIN 912-70-1234 or 912701235.";
    assertFinds(r, text, "912-70-1234", "912701235");
    assertEquals(0.5, Found.score(r, text, "912-70-1234"));
    assertEquals(0.3, Found.score(r, text, "912701235"));
    assertFindsNothing(r, "912-66-1234 and 812-70-1234");
  }

  @Test
  void ukNhs() {
    UkNhsRecognizer r = new UkNhsRecognizer();
    assertFinds(r, "NHS 943 476 5919 and 943-476-5919 and 9434765919", "943 476 5919", "943-476-5919", "9434765919");
    assertFindsNothing(r, "943 476 5918 and 943 4765919");
  }

  @Test
  void everyBuiltInRecognizerDeclaresContextWordsAndItsEntity() {
    io.sluice.policy.Policy policy = new io.sluice.policy.Policy();
    for (String entity : BuiltInRecognizers.entities()) {
      IndexedRecognizer r = BuiltInRecognizers.create(entity, policy);
      assertEquals(java.util.Set.of(entity), r.supportedEntities());
      assertFalse(r.contextWords().isEmpty(), entity);
    }
    assertTrue(BuiltInRecognizers.create(EntityTypes.PERSON, policy) == null);
  }

  @Test
  void emptyAndWhitespaceTextsFindNothing() {
    io.sluice.policy.Policy policy = new io.sluice.policy.Policy();
    for (String entity : BuiltInRecognizers.entities()) {
      List<Detection> found = BuiltInRecognizers.create(entity, policy).analyze("");
      assertTrue(found.isEmpty());
      assertTrue(BuiltInRecognizers.create(entity, policy).analyze(" \n\t ").isEmpty());
    }
  }
}
