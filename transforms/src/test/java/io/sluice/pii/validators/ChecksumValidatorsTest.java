package io.sluice.pii.validators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumValidatorsTest {

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111111", "5555555555554444", "378282246310005", "4111 1111 1111 1111", "79927398713"})
  void luhnAcceptsKnownGoodNumbers(String number) {
    assertTrue(Luhn.isValid(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "79927398710", "1", ""})
  void luhnRejectsWrongCheckDigitAndTooShort(String number) {
    assertFalse(Luhn.isValid(number));
  }

  @Test
  void luhnCheckDigitCompletesAValidNumber() {
    assertEquals(3, Luhn.checkDigit("7992739871"));
    assertEquals(1, Luhn.checkDigit("411111111111111"));
    assertTrue(Luhn.isValid("401288888888188" + Luhn.checkDigit("401288888888188")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606",
      "NL91ABNA0417164300", "BE68539007547034", "gb82west12345698765432"})
  void ibanAcceptsRegistryExamples(String iban) {
    assertTrue(Iban.isValid(iban));
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE89370400440532013001", "DE8937040044053201300", "XX89370400440532013000",
      "GB82WEST1234569876543", "DE89-3704-0044-0532-0130-00", "DE"})
  void ibanRejectsWrongChecksumLengthOrCountry(String iban) {
    assertFalse(Iban.isValid(iban));
  }

  @Test
  void ibanCheckDigitsBuildValidIbans() {
    assertEquals("89", Iban.checkDigits("DE", "370400440532013000"));
    assertEquals("82", Iban.checkDigits("GB", "WEST12345698765432"));
    String bban = "100000000000000001";
    assertTrue(Iban.isValid("DE" + Iban.checkDigits("DE", bban) + bban));
    assertEquals(22, Iban.expectedLength("de"));
    assertEquals(0, Iban.expectedLength("US"));
    assertThrows(IllegalArgumentException.class, () -> Iban.checkDigits("DE", "37040044-0532"));
  }

  @Test
  void nhsChecksum() {
    assertTrue(NhsChecksum.isValid("943 476 5919"));
    assertTrue(NhsChecksum.isValid("9434765919"));
    assertFalse(NhsChecksum.isValid("943 476 5918"));
    assertFalse(NhsChecksum.isValid("94347659"));
    assertEquals(9, NhsChecksum.checkDigit("943476591"));
    // 2 at weight 6 sums to 12, remainder 1, check 11 - 1 = 10: no valid NHS number has this payload
    assertEquals(-1, NhsChecksum.checkDigit("000020000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
      "1111111111111111111114oLvT2"})
  void base58CheckAcceptsRealAddresses(String address) {
    assertTrue(Base58Check.isValidBitcoinAddress(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz",
      "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf0a", "1111111111111111111114oLvT3", "2A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"})
  void base58CheckRejectsChangedChecksumOrBadChars(String address) {
    assertFalse(Base58Check.isValidBitcoinAddress(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"})
  void bech32AcceptsSegwitAndTaproot(String address) {
    assertTrue(Bech32.isValidBitcoinAddress(address));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzWf5mdq",
      "tb1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj1"})
  void bech32RejectsBadChecksumMixedCaseOrOtherNetwork(String address) {
    assertFalse(Bech32.isValidBitcoinAddress(address));
  }
}
