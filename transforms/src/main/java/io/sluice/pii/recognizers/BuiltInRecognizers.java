package io.sluice.pii.recognizers;

import io.sluice.pii.EntityTypes;
import io.sluice.policy.Policy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The pattern recognizers Sluice ships, one per entity type, built on demand for a policy. */
public final class BuiltInRecognizers {

  private static final Map<String, Function<Policy, IndexedRecognizer>> BY_ENTITY = new LinkedHashMap<>();

  static {
    BY_ENTITY.put(EntityTypes.EMAIL_ADDRESS, p -> new EmailRecognizer());
    BY_ENTITY.put(EntityTypes.PHONE_NUMBER, p -> new PhoneRecognizer(p.phoneRegions));
    BY_ENTITY.put(EntityTypes.CREDIT_CARD, p -> new CreditCardRecognizer());
    BY_ENTITY.put(EntityTypes.IBAN_CODE, p -> new IbanRecognizer());
    BY_ENTITY.put(EntityTypes.US_SSN, p -> new UsSsnRecognizer());
    BY_ENTITY.put(EntityTypes.IP_ADDRESS, p -> new IpAddressRecognizer());
    BY_ENTITY.put(EntityTypes.URL, p -> new UrlRecognizer());
    BY_ENTITY.put(EntityTypes.DOMAIN_NAME, p -> new DomainNameRecognizer());
    BY_ENTITY.put(EntityTypes.MAC_ADDRESS, p -> new MacAddressRecognizer());
    BY_ENTITY.put(EntityTypes.CRYPTO, p -> new CryptoRecognizer());
    BY_ENTITY.put(EntityTypes.DATE_TIME, p -> new DateTimeRecognizer());
    BY_ENTITY.put(EntityTypes.US_PASSPORT, p -> new UsPassportRecognizer());
    BY_ENTITY.put(EntityTypes.US_DRIVER_LICENSE, p -> new UsDriverLicenseRecognizer());
    BY_ENTITY.put(EntityTypes.US_BANK_NUMBER, p -> new UsBankNumberRecognizer());
    BY_ENTITY.put(EntityTypes.US_ITIN, p -> new UsItinRecognizer());
    BY_ENTITY.put(EntityTypes.UK_NHS, p -> new UkNhsRecognizer());
  }

  private BuiltInRecognizers() {}

  /** Entity types with a built-in recognizer. */
  public static Set<String> entities() {
    return Collections.unmodifiableSet(BY_ENTITY.keySet());
  }

  /** The built-in recognizer for {@code entity}, configured from {@code policy}; null when there is none. */
  public static IndexedRecognizer create(String entity, Policy policy) {
    Function<Policy, IndexedRecognizer> factory = BY_ENTITY.get(entity);
    return factory == null ? null : factory.apply(policy);
  }
}
