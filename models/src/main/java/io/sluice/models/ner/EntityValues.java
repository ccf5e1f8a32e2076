package io.sluice.models.ner;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Fake entity values and distractors for generated documents, from datafaker in several locales, written
 * the ways people write them (full names, initials, first names alone; single- and multi-line addresses in
 * each country's layout).
 */
final class EntityValues {
  private static final List<Locale> LOCALES = List.of(Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE,
      Locale.forLanguageTag("en-IN"), Locale.forLanguageTag("en-AU"), Locale.forLanguageTag("es-ES"),
      Locale.forLanguageTag("nl-NL"));
  private static final List<String> TITLES = List.of("Dr. ", "Mr. ", "Ms. ", "Mrs. ", "Prof. ");
  private static final List<String> DEPARTMENTS = List.of("Customer Success", "Human Resources", "Accounts Payable",
      "Technical Support", "Facilities", "Legal", "Sales Operations", "Quality Assurance", "Procurement");
  /** Capitalised words that are not names, to keep the head from tagging every capital. */
  private static final List<String> CAPITALISED = List.of("Monday", "Friday", "January", "March", "May", "June",
      "Invoice", "Subject", "Urgent", "Reminder", "Update", "Priority", "Status", "Notice", "Order", "Premium",
      "Gold", "Standard", "Express", "Will", "Mark", "Grant", "Bill", "Sunny", "Amber", "Rose");

  /** Plain filler without entities (datafaker's lorem is Latin, which no document we sweep is written in). */
  private static final List<String> FILLER = List.of("Let me know if anything is unclear.",
      "We apologise for the delay and appreciate your patience.", "The issue should be resolved by the next release.",
      "Please keep this message for your records.", "Nothing else is needed from your side at the moment.",
      "The attached file has the full details.", "We will follow up once the review is complete.",
      "This was raised in the last quarterly review as well.", "Feel free to reply to this message with questions.",
      "The change takes effect from the start of next month.", "Both options were discussed and the second was approved.",
      "The team will confirm the schedule by the end of the week.");

  private final Random random;
  private final Faker us;
  private final Faker[] fakers;

  EntityValues(long seed) {
    this.random = new Random(seed);
    this.fakers = new Faker[LOCALES.size()];
    for (int i = 0; i < fakers.length; i++) {
      fakers[i] = new Faker(LOCALES.get(i), new Random(seed * 31 + i));
    }
    this.us = fakers[0];
  }

  Random random() {
    return random;
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  int between(int lo, int hi) {
    return lo + random.nextInt(hi - lo + 1);
  }

  Faker anyLocale() {
    return random.nextInt(3) == 0 ? us : fakers[random.nextInt(fakers.length)];
  }

  String firstName() {
    return anyLocale().name().firstName();
  }

  String lastName() {
    return anyLocale().name().lastName();
  }

  /** A full name in one of the usual shapes. */
  String person() {
    Faker f = anyLocale();
    int shape = random.nextInt(20);
    if (shape < 13) {
      return f.name().firstName() + " " + f.name().lastName();
    }
    if (shape < 15) {
      return f.name().firstName() + " " + (char) ('A' + random.nextInt(26)) + ". " + f.name().lastName();
    }
    if (shape < 17) {
      return f.name().firstName().charAt(0) + ". " + f.name().lastName();
    }
    if (shape < 18) {
      return f.name().firstName() + " " + f.name().lastName() + "-" + f.name().lastName();
    }
    if (shape < 19) {
      return f.name().lastName() + ", " + f.name().firstName();
    }
    return f.name().firstName() + " " + pick(List.of("van der ", "de ", "von ", "O'", "Mc", "da ")) + f.name().lastName();
  }

  /**
   * A name people post about: a singer, athlete, or a film, book or comic character (social-media data tags
   * characters as persons too), from datafaker's lists.
   */
  String publicFigure() {
    return switch (random.nextInt(8)) {
      case 0 -> us.artist().name();
      case 1 -> us.basketball().players();
      case 2 -> us.football().players();
      case 3 -> us.starWars().character();
      case 4 -> us.gameOfThrones().character();
      case 5 -> us.simpsons().character();
      case 6 -> us.harryPotter().character();
      default -> us.superhero().name();
    };
  }

  /** A social-media handle such as "@jane_doe99": not a name the recognizer redacts as PERSON. */
  String handle() {
    return "@" + us.internet().username().replace('.', '_');
  }

  String title() {
    return pick(TITLES);
  }

  String city() {
    return anyLocale().address().city();
  }

  String location() {
    Faker f = anyLocale();
    return switch (random.nextInt(6)) {
      case 0, 1, 2 -> f.address().city();
      case 3 -> f.address().country();
      case 4 -> us.address().state();
      default -> f.address().city() + ", " + f.address().country();
    };
  }

  String organization() {
    return switch (random.nextInt(8)) {
      case 0 -> us.university().name();
      case 1 -> lastName() + " " + pick(List.of("GmbH", "Ltd", "LLC", "Inc.", "S.A.", "B.V.", "& Partners", "Group"));
      case 2 -> city() + " " + pick(List.of("Community Bank", "General Hospital", "Dental Clinic", "Logistics",
          "Insurance", "City Council", "Credit Union"));
      default -> anyLocale().company().name();
    };
  }

  /** A street address, multi-line or on one line, in the layout of one of several countries. */
  String streetAddress(boolean multiLine) {
    String sep = multiLine ? "\n" : ", ";
    Faker f;
    switch (random.nextInt(5)) {
      case 0 -> {
        f = fakers[1];
        return f.address().buildingNumber() + " " + f.address().streetName() + sep + f.address().city() + sep
            + f.address().zipCode() + (chance(0.5) ? sep + "United Kingdom" : "");
      }
      case 1 -> {
        f = fakers[2];
        return f.address().streetName() + " " + f.address().buildingNumber() + sep + f.address().zipCode() + " "
            + f.address().city() + (chance(0.5) ? sep + "Deutschland" : "");
      }
      case 2 -> {
        f = fakers[3];
        return f.address().buildingNumber() + " " + f.address().streetName() + sep + f.address().zipCode() + " "
            + f.address().city() + (chance(0.5) ? sep + "France" : "");
      }
      default -> {
        f = us;
        String street = f.address().streetAddress() + (chance(0.2) ? ", " + f.address().secondaryAddress() : "");
        return street + sep + f.address().city() + ", " + f.address().stateAbbr() + " " + f.address().zipCode()
            + (chance(0.2) ? sep + "USA" : "");
      }
    }
  }

  String product() {
    return switch (random.nextInt(4)) {
      case 0 -> us.commerce().productName();
      case 1 -> us.app().name() + " " + between(2, 15) + "." + between(0, 9);
      case 2 -> pick(List.of("Model ", "Series ", "Pro ", "Type ")) + (char) ('A' + random.nextInt(26)) + between(10, 990);
      default -> us.commerce().productName() + " " + pick(List.of("XL", "Pro", "Max", "Mini", "Plus"));
    };
  }

  String department() {
    return pick(DEPARTMENTS);
  }

  String capitalisedWord() {
    return pick(CAPITALISED);
  }

  String email(String name) {
    String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".").replaceAll("^\\.|\\.$", "");
    return (local.isEmpty() ? "info" : local) + "@" + us.internet().domainName();
  }

  String phone() {
    return us.phoneNumber().cellPhone();
  }

  String number(int digits) {
    StringBuilder sb = new StringBuilder();
    sb.append(1 + random.nextInt(9));
    for (int i = 1; i < digits; i++) {
      sb.append(random.nextInt(10));
    }
    return sb.toString();
  }

  String date() {
    return String.format(Locale.ROOT, "%02d/%02d/20%02d", between(1, 12), between(1, 28), between(20, 27));
  }

  String sentenceFiller() {
    return pick(FILLER);
  }
}
