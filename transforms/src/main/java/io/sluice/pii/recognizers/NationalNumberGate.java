package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;
import java.util.regex.Pattern;

/**
 * A cheap necessary condition, checked before libphonenumber is asked (tens of microseconds a call),
 * for a digit string written without '+' to hold a valid number of one region. libphonenumber parses
 * such a string as a national number, after stripping the region's national prefix ("0", "1") or its
 * country code ("44 20 ..."), or as an international one after the region's exit code ("00", "011").
 * A valid number's national part always matches the general pattern and one number type's pattern (fixed
 * line, mobile, toll free, ...) of the region with its country code that libphonenumber assigns it to,
 * so when none of those readings matches, libphonenumber cannot find a valid number there.
 *
 * <p>Only skips certain failures: where the metadata rewrites prefixes (a transform rule) or the digits
 * start with an exit code, it answers "maybe" and libphonenumber decides.
 */
final class NationalNumberGate {

  private final String countryCode;
  /** Digits libphonenumber strips as the national prefix; null when it rewrites them instead. */
  private final DigitPrefix nationalPrefixForParsing;
  private final boolean rewritesPrefix;
  private final DigitPrefix exitCode;
  /** The valid national numbers of every region sharing this country code (NANPA: US, CA, ...). */
  private final CountryNumbers nationalNumbers;
  private final String trunkPrefix;
  /**
   * The region is the main one of its country code (whose formatting rules libphonenumber's matcher
   * applies) and none of those rules requires the national prefix to be written.
   */
  private final boolean mainRegion;
  private final boolean nationalPrefixNeverRequired;
  /**
   * The region's number types where libphonenumber's isValidNumber checks a number of this country code
   * against this region first (the main region, with no leading digits that would send it elsewhere) and
   * the matcher never asks for the national prefix; otherwise null.
   */
  private final NumberTypes asWritten;

  /** The numbering plans PhoneNumberUtil.getInstance() reads; it does not hand them out itself. */
  static final RegionMetadataSource PLANS =
      DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();

  private NationalNumberGate(PhoneMetadata metadata, PhoneNumberUtil util) {
    this.countryCode = String.valueOf(metadata.getCountryCode());
    String prefix = metadata.getNationalPrefixForParsing();
    this.nationalPrefixForParsing = DigitPrefix.of(prefix);
    this.rewritesPrefix = !metadata.getNationalPrefixTransformRule().isEmpty();
    this.exitCode = DigitPrefix.of(metadata.getInternationalPrefix());
    this.nationalNumbers = CountryNumbers.forCountryCode(metadata.getCountryCode(), util);
    this.trunkPrefix = metadata.getNationalPrefix();
    this.mainRegion = metadata.getId().equals(util.getRegionCodeForCountryCode(metadata.getCountryCode()));
    this.nationalPrefixNeverRequired = metadata.getNumberFormatList().stream().allMatch(
        format -> format.getNationalPrefixOptionalWhenFormatting()
            || FIRST_GROUP_ONLY.matcher(format.getNationalPrefixFormattingRule()).matches());
    this.asWritten = mainRegion && nationalPrefixNeverRequired && !metadata.hasLeadingDigits() && metadata.hasGeneralDesc()
        ? new NumberTypes(metadata) : null;
  }

  /**
   * True when libphonenumber surely reads {@code digits} (all of a candidate's digits, written without
   * '+') as this region's national number exactly as written and its matcher accepts it: nothing at the
   * start to strip (exit code, country code, national prefix), valid for this region, and no national
   * prefix required. False means only libphonenumber can tell; this answers without its parse (~20 us).
   */
  boolean acceptsAsWritten(String digits) {
    return asWritten != null
        && !digits.startsWith(countryCode)
        && (exitCode == null || !exitCode.startsWith(digits))
        && (nationalPrefixForParsing == null || !nationalPrefixForParsing.startsWith(digits))
        && asWritten.isValid(digits);
  }

  /** A formatting rule that writes no prefix (libphonenumber's FIRST_GROUP_ONLY_PREFIX_PATTERN), or none. */
  private static final Pattern FIRST_GROUP_ONLY = Pattern.compile("(?:\\(?\\$1\\)?)?");

  /**
   * True when libphonenumber's matcher surely accepts a valid national number of this region written
   * without country code as far as its national prefix rule goes: the prefix was written (and stripped
   * when parsing), or the region's formatting rules never require it. False means only the matcher knows.
   */
  boolean nationalPrefixRuleHolds(boolean prefixStripped) {
    return mainRegion && (prefixStripped || nationalPrefixNeverRequired);
  }

  /** The gate for an ISO 3166 region code, or null when libphonenumber has no metadata for it. */
  static NationalNumberGate forRegion(String region, PhoneNumberUtil util) {
    if (!util.getSupportedRegions().contains(region)) {
      return null;
    }
    PhoneMetadata metadata = PLANS.getMetadataForRegion(region);
    return metadata == null ? null : new NationalNumberGate(metadata, util);
  }

  /** False only when libphonenumber surely finds no valid number of this region in {@code digits}. */
  boolean mayHoldNumber(String digits) {
    if (nationalNumbers == null || rewritesPrefix || (exitCode != null && exitCode.startsWith(digits))) {
      return true;
    }
    if (isNational(digits)) {
      return true;
    }
    return digits.startsWith(countryCode) && isNational(digits.substring(countryCode.length()));
  }

  /** The digits, or the digits after the national prefix, match a national number. */
  private boolean isNational(String digits) {
    if (matchesNationalNumber(digits)) {
      return true;
    }
    if (nationalPrefixForParsing == null) {
      return false;
    }
    int prefix = nationalPrefixForParsing.lengthIn(digits);
    return prefix >= 0 && matchesNationalNumber(digits.substring(prefix));
  }

  private boolean matchesNationalNumber(String digits) {
    return nationalNumbers.mayBeValid(digits);
  }

  /** True when the digits start with the prefix that national dialling puts before a number ("0", "1"). */
  boolean startsWithTrunkPrefix(String digits) {
    return !trunkPrefix.isEmpty() && digits.startsWith(trunkPrefix);
  }
}
