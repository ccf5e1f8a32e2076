package io.sluice.pii.operators.surrogate;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Fake phone numbers that libphonenumber accepts as valid for the original's country, written with the
 * original's country code, trunk prefix and punctuation: only the national significant number changes.
 */
final class PhoneNumbers {
  /** Random national numbers tried before falling back to a same-shape number. */
  private static final int ATTEMPTS = 200;
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private final List<String> regions;

  /** @param regions regions tried, in order, for numbers written without a country code */
  PhoneNumbers(List<String> regions) {
    this.regions = List.copyOf(regions);
  }

  String fake(String original, Random random) {
    Optional<PhoneNumber> parsed = parse(original);
    String digits = Shapes.compact(original);
    if (parsed.isPresent()) {
      String nationalNumber = UTIL.getNationalSignificantNumber(parsed.get());
      if (digits.endsWith(nationalNumber)) {
        Optional<String> fakeNational = validNationalNumber(parsed.get(), nationalNumber.length(), random);
        if (fakeNational.isPresent()) {
          String prefix = digits.substring(0, digits.length() - nationalNumber.length());
          return Shapes.layout(original, prefix + fakeNational.get());
        }
      }
    }
    return Shapes.randomLike(original, random);
  }

  /** The original parsed as a valid number, trying its own country code first, then each region. */
  private Optional<PhoneNumber> parse(String original) {
    for (String region : regions) {
      try {
        PhoneNumber number = UTIL.parse(original, region);
        if (UTIL.isValidNumber(number)) {
          return Optional.of(number);
        }
      } catch (NumberParseException e) {
        // not a number in this region's format: try the next one
      }
    }
    return Optional.empty();
  }

  private static Optional<String> validNationalNumber(PhoneNumber original, int length, Random random) {
    String region = UTIL.getRegionCodeForNumber(original);
    PhoneNumber candidate = new PhoneNumber().setCountryCode(original.getCountryCode());
    for (int i = 0; i < ATTEMPTS; i++) {
      String national = (1 + random.nextInt(9)) + Shapes.digits(length - 1, random);
      candidate.setNationalNumber(Long.parseLong(national));
      if (UTIL.isValidNumberForRegion(candidate, region)) {
        return Optional.of(national);
      }
    }
    return Optional.empty();
  }
}
