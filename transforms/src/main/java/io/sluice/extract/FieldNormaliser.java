package io.sluice.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one raw value into the canonical Java value of a field's type, trimmed and case-insensitive where that
 * makes sense: String, Integer, Long, Double, Boolean, the enum symbol as declared (String), {@link
 * java.time.LocalDate} or {@link BigDecimal} (at the field's scale). Throws {@link NotNormalisable} otherwise.
 */
public final class FieldNormaliser {
  private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "t");
  private static final Set<String> FALSE = Set.of("false", "no", "n", "0", "f");

  private FieldNormaliser() {}

  public static Object normalise(FieldSpec field, String raw) {
    String value = raw.strip();
    if (value.isEmpty()) {
      throw new NotNormalisable("empty value");
    }
    return switch (field.kind()) {
      case STRING -> value;
      case INT -> {
        try {
          yield whole(value).intValueExact();
        } catch (ArithmeticException e) {
          throw new NotNormalisable("number out of the int range");
        }
      }
      case LONG -> {
        try {
          yield whole(value).longValueExact();
        } catch (ArithmeticException e) {
          throw new NotNormalisable("number out of the long range");
        }
      }
      case DOUBLE -> NumberText.parse(value).doubleValue();
      case BOOLEAN -> bool(value);
      case ENUM -> symbol(field, value);
      case DATE -> DateNormaliser.parse(value);
      case DECIMAL -> decimal(field, value);
    };
  }

  private static BigDecimal whole(String value) {
    BigDecimal number = NumberText.parse(value).stripTrailingZeros();
    if (number.scale() > 0) {
      throw new NotNormalisable("not a whole number");
    }
    return number;
  }

  private static Boolean bool(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (TRUE.contains(v)) {
      return Boolean.TRUE;
    }
    if (FALSE.contains(v)) {
      return Boolean.FALSE;
    }
    throw new NotNormalisable("not a boolean (true/false, yes/no, 1/0)");
  }

  /** Matches symbols ignoring case and treating spaces and hyphens as underscores ("credit card" = CREDIT_CARD). */
  private static String symbol(FieldSpec field, String value) {
    String wanted = value.replaceAll("[\\s-]+", "_");
    for (String symbol : field.symbols()) {
      if (symbol.equalsIgnoreCase(wanted)) {
        return symbol;
      }
    }
    throw new NotNormalisable("not one of the enum's " + field.symbols().size() + " symbols");
  }

  /** Exact: a value with more decimal places than the scale, or more digits than the precision, is refused. */
  private static BigDecimal decimal(FieldSpec field, String value) {
    BigDecimal number = NumberText.parse(value);
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() > field.scale()) {
      throw new NotNormalisable("more decimal places than the schema's scale " + field.scale());
    }
    BigDecimal scaled = number.setScale(field.scale());
    if (scaled.precision() > field.precision()) {
      throw new NotNormalisable("more digits than the schema's precision " + field.precision());
    }
    return scaled;
  }
}
