package io.sluice.pii.operators.surrogate;

import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Realistic fake values per entity type, fully determined by a seed: the caller derives the seed from a
 * keyed digest of the original, so one original always gets one fake. Fakes are valid where validity can
 * be checked (Luhn, IBAN mod-97, SSN/ITIN issuing rules, NHS mod-11, libphonenumber, Base58Check) and keep the
 * original's format where the type has one.
 *
 * <p>Thread-safe: each thread reseeds its own {@link Random} and {@link Faker} (building a Faker per value
 * would cost far more than the fake itself).
 */
public final class SurrogateGenerator {
  private final PhoneNumbers phoneNumbers;
  private final ThreadLocal<SeededFaker> fakers = ThreadLocal.withInitial(SeededFaker::new);

  /** @param phoneRegions regions tried for phone numbers written without a country code (the policy's) */
  public SurrogateGenerator(List<String> phoneRegions) {
    this.phoneNumbers = new PhoneNumbers(phoneRegions);
    // datafaker reads its data files on first use (seconds on a busy machine): pay that here, when a worker
    // sets up, rather than inside the first bundle's latency.
    generate(EntityTypes.PERSON, "warm up", 0L);
  }

  /** The fake for {@code original} of type {@code entityType}; the same arguments always give the same fake. */
  public String generate(String entityType, String original, long seed) {
    SeededFaker seeded = fakers.get();
    seeded.random.setSeed(seed);
    Random random = seeded.random;
    Faker faker = seeded.faker;
    return switch (entityType) {
      case EntityTypes.CREDIT_CARD -> CardNumbers.fake(original, random);
      case EntityTypes.IBAN_CODE -> Ibans.fake(original, random);
      case EntityTypes.US_SSN -> UsTaxIds.fakeSsn(original, random);
      case EntityTypes.US_ITIN -> UsTaxIds.fakeItin(original, random);
      case EntityTypes.UK_NHS -> NhsNumbers.fake(original, random);
      case EntityTypes.PHONE_NUMBER -> phoneNumbers.fake(original, random);
      case EntityTypes.DATE_TIME -> Dates.fake(original, random);
      case EntityTypes.MAC_ADDRESS -> Shapes.hexLike(original, random);
      case EntityTypes.CRYPTO -> BitcoinAddresses.fake(original, random);
      case EntityTypes.EMAIL_ADDRESS -> faker.internet().emailAddress();
      case EntityTypes.PERSON -> personName(original, faker);
      case EntityTypes.LOCATION -> faker.address().city();
      case EntityTypes.STREET_ADDRESS -> faker.address().streetAddress();
      case EntityTypes.ORGANIZATION -> faker.company().name();
      case EntityTypes.NRP -> faker.nation().nationality();
      case EntityTypes.TITLE -> faker.name().prefix();
      case EntityTypes.IP_ADDRESS -> original.indexOf(':') >= 0
          ? faker.internet().ipV6Address()
          : faker.internet().publicIpV4Address();
      case EntityTypes.DOMAIN_NAME -> faker.internet().domainName();
      case EntityTypes.URL -> url(original, faker);
      // Identifiers with a fixed shape but no public check (passport, licence, account numbers, ZIP, age)
      // and entities declared by custom recognizers: same shape, random characters.
      default -> Shapes.randomLike(original, random);
    };
  }

  /** A first name alone for a one-word original, "First Last" otherwise. */
  private static String personName(String original, Faker faker) {
    String first = faker.name().firstName();
    return original.strip().contains(" ") ? first + " " + faker.name().lastName() : first;
  }

  /** A URL with the original's scheme, or none if the original had none. */
  private static String url(String original, Faker faker) {
    String lower = original.toLowerCase(Locale.ROOT);
    String scheme = lower.startsWith("https://") ? "https://" : lower.startsWith("http://") ? "http://" : "";
    String path = faker.internet().slug();
    return scheme + "www." + faker.internet().domainName() + "/" + path;
  }

  /** One thread's reseedable generator; Locale.US keeps fakes identical whatever the JVM's locale. */
  private static final class SeededFaker {
    final Random random = new Random();
    final Faker faker = new Faker(Locale.US, random);
  }
}
