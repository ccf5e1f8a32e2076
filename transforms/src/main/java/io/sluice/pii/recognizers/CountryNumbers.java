package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A necessary condition for a national significant number to be valid under one country calling code,
 * checked the way libphonenumber's isValidNumber decides: it assigns the number to one region of the
 * code (getRegionCodeForNumber) and tries that region's number types only. Where the code has several
 * regions, one with leading digits (23 of NANPA's 25: "268" for AG) is assigned only the numbers that
 * start with them, so its types are tried only on those; the others are tried on every number.
 */
final class CountryNumbers {

  private final List<NumberTypes> unassigned = new ArrayList<>();
  private final List<Pattern> leadingDigits = new ArrayList<>();
  private final List<NumberTypes> assigned = new ArrayList<>();
  /** Any of {@link #leadingDigits}: most numbers start with none, which one match tells. */
  private final Pattern anyLeadingDigits;
  /** The lengths a number of an {@link #assigned} region can have: most numbers have none of them. */
  private final BitSet assignedLengths = new BitSet();

  /** No national significant number is longer (libphonenumber's MAX_LENGTH_FOR_NSN). */
  private static final int MAX_NATIONAL_LENGTH = 17;

  /** The numbers of {@code countryCode}'s regions, or null when libphonenumber has no plan for any. */
  static CountryNumbers forCountryCode(int countryCode, PhoneNumberUtil util) {
    List<String> regions = util.getRegionCodesForCountryCode(countryCode);
    List<PhoneMetadata> plans = new ArrayList<>();
    for (String region : regions) {
      PhoneMetadata plan = NationalNumberGate.PLANS.getMetadataForRegion(region);
      if (plan != null && plan.hasGeneralDesc()) {
        plans.add(plan);
      }
    }
    return plans.isEmpty() ? null : new CountryNumbers(plans, regions.size() > 1);
  }

  /** @param sharedCode the country code has several regions, so libphonenumber's leading digits rule applies */
  private CountryNumbers(List<PhoneMetadata> regions, boolean sharedCode) {
    for (PhoneMetadata region : regions) {
      if (sharedCode && region.hasLeadingDigits()) {
        leadingDigits.add(Pattern.compile(region.getLeadingDigits()));
        assigned.add(new NumberTypes(region));
      } else {
        unassigned.add(new NumberTypes(region));
      }
    }
    this.anyLeadingDigits = leadingDigits.isEmpty() ? null
        : Pattern.compile(String.join("|", leadingDigits.stream().map(p -> "(?:" + p.pattern() + ")").toList()));
    for (int length = 0; length <= MAX_NATIONAL_LENGTH; length++) {
      for (NumberTypes region : assigned) {
        if (region.mayHaveLength(length)) {
          assignedLengths.set(length);
        }
      }
    }
  }

  /** False only when {@code nationalNumber} is valid for no region of the country code. */
  boolean mayBeValid(String nationalNumber) {
    for (NumberTypes region : unassigned) {
      if (region.isValid(nationalNumber)) {
        return true;
      }
    }
    if (!assignedLengths.get(nationalNumber.length()) || !anyLeadingDigits.matcher(nationalNumber).lookingAt()) {
      return false;
    }
    for (int r = 0; r < assigned.size(); r++) {
      if (leadingDigits.get(r).matcher(nationalNumber).lookingAt() && assigned.get(r).isValid(nationalNumber)) {
        return true;
      }
    }
    return false;
  }
}
