package io.sluice.extract;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the first number in a raw value as written on documents: currency symbols and codes and other words around
 * it are ignored ({@code RM 1,234.50}, {@code $12}, {@code 12,50 EUR}, {@code 1.234,50 €}, {@code 1 234,50}).
 *
 * <p>Separators: when both {@code .} and {@code ,} appear, the last one is the decimal separator and the other
 * groups thousands; a separator that appears more than once groups thousands; a single one is a decimal separator
 * unless exactly three digits follow it and the digits before it are not 0 ({@code 1,234} is one thousand two
 * hundred and thirty-four, {@code 12,50} twelve and a half, {@code 0.125} one eighth). Spaces and apostrophes
 * group thousands only between groups of three digits.
 */
public final class NumberText {
  private static final Pattern NUMBER = Pattern.compile(
      "((?<![\\p{L}\\d])-\\s?)?(?<!\\d)(\\d{1,3}(?:[ '\\u00a0\\u202f]\\d{3})+(?:[.,]\\d+)*|\\d+(?:[.,]\\d+)*)(?!\\d)");

  private NumberText() {}

  /** The first number in {@code raw}; throws {@link NotNormalisable} when there is none. */
  public static BigDecimal parse(String raw) {
    Matcher m = NUMBER.matcher(raw);
    if (!m.find()) {
      throw new NotNormalisable("no number");
    }
    String digits = m.group(2).replaceAll("[ '\\u00a0\\u202f]", "");
    String plain = withPointAsDecimal(digits);
    BigDecimal value = new BigDecimal(plain);
    return m.group(1) != null ? value.negate() : value;
  }

  private static String withPointAsDecimal(String number) {
    int lastPoint = number.lastIndexOf('.');
    int lastComma = number.lastIndexOf(',');
    if (lastPoint >= 0 && lastComma >= 0) {
      char decimal = lastPoint > lastComma ? '.' : ',';
      char grouping = decimal == '.' ? ',' : '.';
      return number.replace(String.valueOf(grouping), "").replace(decimal, '.');
    }
    int at = Math.max(lastPoint, lastComma);
    if (at < 0) {
      return number;
    }
    char separator = number.charAt(at);
    boolean repeated = number.indexOf(separator) != at;
    boolean thousands = repeated
        || (number.length() - at - 1 == 3 && !number.substring(0, at).equals("0"));
    if (thousands) {
      if (repeated && !groupsOfThree(number, separator)) {
        throw new NotNormalisable("digit groups that are neither thousands nor decimals");
      }
      return number.replace(String.valueOf(separator), "");
    }
    return number.replace(separator, '.');
  }

  /** 1,234,567: every group after the first has three digits. */
  private static boolean groupsOfThree(String number, char separator) {
    String[] groups = number.split(Pattern.quote(String.valueOf(separator)));
    for (int i = 1; i < groups.length; i++) {
      if (groups[i].length() != 3) {
        return false;
      }
    }
    return true;
  }
}
