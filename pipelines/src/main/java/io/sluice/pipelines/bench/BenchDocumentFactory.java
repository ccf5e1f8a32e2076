package io.sluice.pipelines.bench;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import net.datafaker.Faker;

/**
 * Writes the text of one synthetic benchmark document: a business header, English filler prose and PII
 * sentences (names, emails, phones, addresses, Luhn-valid cards, mod-97-valid IBANs, SSNs, IPs, MACs, URLs,
 * dates, account and passport numbers) in the proportions of a real mailbox: some documents carry none, most
 * a few, some many.
 *
 * <p>Not thread-safe: one factory per thread. The text of document {@code i} depends only on the seed and
 * {@code i}, because the shared {@link Random} behind the {@link Faker} is re-seeded per document; so a corpus is
 * the same whatever the number of shards or threads that wrote it.
 */
final class BenchDocumentFactory {
  static final int MIN_CHARS = 1400;
  static final int MAX_CHARS = 2600;

  private static final List<String> FILLER = List.of(
      "Thanks for getting back to us so quickly.",
      "As discussed on the call, the team will review the proposal and share comments.",
      "The quarterly figures are attached for your reference.",
      "We have updated the onboarding checklist to reflect the new process.",
      "Please let me know if anything in the summary below is unclear.",
      "The migration went smoothly and no data was lost.",
      "Our records show the request was received and is being processed.",
      "The next steps are listed at the end of this message.",
      "We apologise for the inconvenience and appreciate your patience.",
      "The draft agreement still needs sign-off from the legal team.",
      "Remember to submit expense reports before the end of the month.",
      "The workshop covered data retention, access reviews and incident response.",
      "Customer satisfaction improved after the support hours were extended.",
      "Several users reported slow page loads during the afternoon peak.",
      "The warehouse has enough stock to cover the holiday season.",
      "A reminder that the office will be closed for maintenance.",
      "The vendor confirmed the replacement parts are on their way.",
      "We recommend enabling two-factor authentication on every account.",
      "The audit found no material issues but suggested clearer documentation.",
      "Budget approval is expected after the steering committee meets.",
      "Please keep this information confidential and share it only with the people involved.",
      "The new dashboard shows open tickets by priority and age.",
      "Training sessions will be recorded for those who cannot attend.",
      "The contract renews automatically unless cancelled in writing.",
      "We are still waiting for the signed form before we can proceed.",
      "The survey had a response rate of a little over forty percent.",
      "Shipping costs rose slightly because of the fuel surcharge.",
      "The pilot project will run in two regions before a wider rollout.",
      "All invoices must include the purchase order reference.",
      "Feel free to forward this note to anyone who might find it useful.");

  private static final List<String> OPENINGS = List.of("Hello %s,", "Dear %s,", "Hi %s,", "Good morning %s,");
  private static final List<String> KINDS = List.of("Email", "Support ticket", "Invoice", "HR note", "Meeting notes",
      "Shipping notice", "Chat transcript");
  private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH), DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ofPattern("MM/dd/yyyy"), DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH));
  private static final LocalDate EPOCH = LocalDate.of(2019, 1, 1);

  /** PII sentences; each draws its values from the faker so every one is different. */
  private final List<Function<Faker, String>> piiSentences = List.of(
      f -> "Please contact " + f.name().fullName() + " at " + f.internet().emailAddress() + ".",
      f -> "You can reach " + f.name().firstName() + " on " + f.phoneNumber().phoneNumber() + ".",
      f -> "The delivery address is " + f.address().fullAddress() + ".",
      f -> "The card on file is " + f.finance().creditCard() + ".",
      f -> "Please transfer the balance to IBAN " + f.finance().iban() + ".",
      f -> "Employee SSN: " + f.idNumber().ssnValid() + ".",
      f -> "A login attempt came from " + f.internet().publicIpV4Address() + " and " + f.internet().ipV6Address() + ".",
      f -> "Device " + f.internet().macAddress() + " reconnected to the office network.",
      f -> "More details are at " + f.internet().url() + ".",
      f -> "Meeting with " + f.name().fullName() + " of " + f.company().name() + " on " + date(f) + ".",
      f -> "Payroll goes to account number " + f.numerify("##########") + ".",
      f -> "Passport number " + f.numerify("5########") + " was verified at the desk.",
      f -> f.name().fullName() + " moved to " + f.address().city() + ", " + f.address().country() + ".",
      f -> "Date of birth: " + date(f) + ".",
      f -> "The domain " + f.internet().domainName() + " was registered for the campaign.");

  private final Random random;
  private final Faker faker;
  private final long seed;

  BenchDocumentFactory(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
    this.faker = new Faker(Locale.ENGLISH, random);
  }

  /** The text of document {@code index}: roughly {@value #MIN_CHARS}..{@value #MAX_CHARS} characters. */
  String text(long index) {
    random.setSeed(documentSeed(seed, index));
    int target = MIN_CHARS + random.nextInt(MAX_CHARS - MIN_CHARS + 1);
    double piiShare = piiShare(random.nextInt(10));
    StringBuilder text = new StringBuilder(target + 200);
    String kind = KINDS.get(random.nextInt(KINDS.size()));
    text.append(kind).append(" — ").append(piiShare == 0 ? "internal" : date(faker)).append("\n\n");
    if (piiShare > 0) {
      text.append(String.format(OPENINGS.get(random.nextInt(OPENINGS.size())), faker.name().firstName())).append("\n\n");
    }
    int sentencesInParagraph = 0;
    while (text.length() < target) {
      boolean pii = random.nextDouble() < piiShare;
      text.append(pii
          ? piiSentences.get(random.nextInt(piiSentences.size())).apply(faker)
          : FILLER.get(random.nextInt(FILLER.size())));
      if (++sentencesInParagraph >= 3 + random.nextInt(3)) {
        text.append("\n\n");
        sentencesInParagraph = 0;
      } else {
        text.append(' ');
      }
    }
    return text.toString().strip();
  }

  /** A tenth of documents carry no PII, half are light (about one sentence in seven), the rest dense. */
  private static double piiShare(int bucket) {
    if (bucket == 0) {
      return 0;
    }
    return bucket <= 5 ? 0.15 : 0.45;
  }

  private static String date(Faker f) {
    LocalDate day = EPOCH.plusDays(f.random().nextInt(0, 2900));
    return day.format(DATE_FORMATS.get(f.random().nextInt(DATE_FORMATS.size())));
  }

  /** Spreads consecutive indexes over the seed space (SplitMix64 finaliser) so neighbours share nothing. */
  static long documentSeed(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
