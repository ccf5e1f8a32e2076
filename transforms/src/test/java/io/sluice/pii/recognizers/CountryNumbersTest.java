package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CountryNumbersTest {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  @Test
  void passesTheExampleNumbersOfEveryRegionOfTheCode() {
    for (int countryCode : List.of(1, 44, 49, 33, 91, 7)) {
      CountryNumbers numbers = CountryNumbers.forCountryCode(countryCode, util);
      for (String region : util.getRegionCodesForCountryCode(countryCode)) {
        for (PhoneNumberType type : PhoneNumberType.values()) {
          PhoneNumber example = util.getExampleNumberForType(region, type);
          if (example != null) {
            String national = util.getNationalSignificantNumber(example);
            assertTrue(numbers.mayBeValid(national), region + " " + type + " " + national);
          }
        }
      }
    }
  }

  @Test
  void stopsNumbersValidNowhereUnderTheCode() {
    CountryNumbers nanpa = CountryNumbers.forCountryCode(1, util);
    assertTrue(nanpa.mayBeValid("4155552671"), "US");
    assertTrue(nanpa.mayBeValid("6135550123"), "CA");
    assertFalse(nanpa.mayBeValid("0123456789"), "no NANP number starts with 0");
    assertFalse(nanpa.mayBeValid("20240305"), "too short");
    assertFalse(nanpa.mayBeValid("2681234567"), "Antigua's area code, but not one of its numbers");
    assertFalse(CountryNumbers.forCountryCode(44, util).mayBeValid("123456"), "too short for GB");
  }

  @Test
  void unknownCountryCodesHaveNoNumbers() {
    assertNull(CountryNumbers.forCountryCode(999, util));
  }

  /** Random national numbers under codes with one and with many regions: valid ones always pass. */
  @Test
  void neverStopsANumberLibphonenumberCallsValid() {
    Random random = new Random(5);
    int valid = 0;
    int stopped = 0;
    for (int countryCode : List.of(1, 44, 49, 33, 91)) {
      CountryNumbers numbers = CountryNumbers.forCountryCode(countryCode, util);
      for (int i = 0; i < 1000; i++) {
        String national = randomNationalNumber(random);
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
        boolean mayBeValid = numbers.mayBeValid(national);
        if (util.isValidNumber(number)) {
          valid++;
          assertTrue(mayBeValid, "+" + countryCode + " " + national);
        } else if (!mayBeValid) {
          stopped++;
        }
      }
    }
    assertTrue(valid > 400 && stopped > 1500, valid + " valid, " + stopped + " stopped: too few to tell");
  }

  private static String randomNationalNumber(Random random) {
    StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
    int length = 6 + random.nextInt(7);
    while (digits.length() < length) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }
}
