package io.sluice.pii.validators;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** IBAN checks (ISO 13616): per-country length from the SWIFT registry and the mod-97 check digits. */
public final class Iban {

  /** Country code followed by total IBAN length, from the SWIFT IBAN registry. */
  private static final String LENGTHS =
      "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 "
          + "EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 "
          + "IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 "
          + "NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 "
          + "SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30";

  private static final Map<String, Integer> LENGTH_BY_COUNTRY = parseLengths();

  private Iban() {}

  /** Total length of an IBAN for {@code countryCode}, or 0 when the country issues none. */
  public static int expectedLength(String countryCode) {
    return LENGTH_BY_COUNTRY.getOrDefault(countryCode.toUpperCase(Locale.ROOT), 0);
  }

  /** True for a well-formed IBAN of a known country with correct check digits; spaces are ignored. */
  public static boolean isValid(String iban) {
    String compact = compact(iban);
    if (compact.length() < 5 || expectedLength(compact.substring(0, 2)) != compact.length()) {
      return false;
    }
    if (!Character.isDigit(compact.charAt(2)) || !Character.isDigit(compact.charAt(3))) {
      return false;
    }
    String rearranged = compact.substring(4) + compact.substring(0, 4);
    return mod97(rearranged) == 1;
  }

  /**
   * The two check digits for an IBAN of {@code countryCode} with this BBAN, e.g. to build a valid fake:
   * {@code countryCode + checkDigits(countryCode, bban) + bban}.
   */
  public static String checkDigits(String countryCode, String bban) {
    String rearranged = compact(bban) + countryCode.toUpperCase(Locale.ROOT) + "00";
    int remainder = mod97(rearranged);
    if (remainder < 0) {
      throw new IllegalArgumentException("a BBAN holds only ASCII letters and digits");
    }
    int check = 98 - remainder;
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  /** Upper-cased without spaces. */
  public static String compact(String iban) {
    StringBuilder out = new StringBuilder(iban.length());
    for (int i = 0; i < iban.length(); i++) {
      char c = iban.charAt(i);
      if (c != ' ') {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString();
  }

  /**
   * Mod 97 of {@code s} read as a number where letters count as 10..35; -1 when a char is neither
   * an ASCII digit nor a letter.
   */
  private static int mod97(String s) {
    int remainder = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        return -1;
      }
    }
    return remainder;
  }

  private static Map<String, Integer> parseLengths() {
    Map<String, Integer> lengths = new HashMap<>();
    for (String entry : LENGTHS.split(" ")) {
      lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
    }
    return lengths;
  }
}
