package io.sluice.pii.operators;

import io.sluice.pii.EntityTypes;
import java.util.Locale;
import java.util.Set;

/**
 * The form of a value that keyed operators digest, so that one real-world value gets one pseudonym
 * however it is written: {@code 4111 1111 1111 1111} and {@code 4111-1111-1111-1111} are the same card,
 * {@code Jane.Doe@X.com} and {@code jane.doe@x.com} the same mailbox.
 */
final class CanonicalValue {
  /** Identifiers whose separators and letter case are formatting only. */
  private static final Set<String> IDENTIFIER_TYPES =
      Set.of(EntityTypes.CREDIT_CARD, EntityTypes.IBAN_CODE, EntityTypes.US_SSN, EntityTypes.PHONE_NUMBER,
          EntityTypes.US_BANK_NUMBER, EntityTypes.US_ITIN, EntityTypes.UK_NHS, EntityTypes.MAC_ADDRESS,
          EntityTypes.US_PASSPORT, EntityTypes.US_DRIVER_LICENSE);

  private CanonicalValue() {}

  static String of(String entityType, String original) {
    if (IDENTIFIER_TYPES.contains(entityType)) {
      StringBuilder compact = new StringBuilder(original.length());
      original.codePoints().filter(Character::isLetterOrDigit).forEach(compact::appendCodePoint);
      return compact.toString().toUpperCase(Locale.ROOT);
    }
    return original.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
