package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberTypesTest {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  @Test
  void tellsValidNumbersOfTheRegion() {
    NumberTypes us = new NumberTypes(NationalNumberGate.PLANS.getMetadataForRegion("US"));
    assertTrue(us.isValid("4155552671"), "fixed line or mobile");
    assertTrue(us.isValid("8005550199"), "toll free");
    assertFalse(us.isValid("0123456789"), "no NANP number starts with 0");
    assertFalse(us.isValid("415555267"), "too short");
  }

  /** Random national numbers, many starting like real ones: the same answer as libphonenumber's. */
  @Test
  void agreesWithIsValidNumberForRegion() {
    Random random = new Random(7);
    int valid = 0;
    for (String region : List.of("US", "CA", "GB", "DE", "FR", "IN")) {
      NumberTypes types = new NumberTypes(NationalNumberGate.PLANS.getMetadataForRegion(region));
      int countryCode = util.getCountryCodeForRegion(region);
      for (int i = 0; i < 2000; i++) {
        StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
        int length = 6 + random.nextInt(6);
        while (digits.length() < length) {
          digits.append((char) ('0' + random.nextInt(10)));
        }
        String national = digits.toString();
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
        boolean expected = util.isValidNumberForRegion(number, region);
        assertEquals(expected, types.isValid(national), region + " " + national);
        valid += expected ? 1 : 0;
      }
    }
    assertTrue(valid > 500, "too few valid numbers to compare: " + valid);
  }
}
