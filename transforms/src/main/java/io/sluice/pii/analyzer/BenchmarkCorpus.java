package io.sluice.pii.analyzer;

import io.sluice.pii.validators.Iban;
import io.sluice.pii.validators.Luhn;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic business documents for throughput runs: e-mails, support tickets and invoices of about
 * 2 KB, mostly prose with some PII (names, e-mail addresses, phone numbers, dates, amounts, card numbers,
 * IBANs, IPs, URLs, order numbers). Seeded, so every run analyzes the same text.
 */
final class BenchmarkCorpus {

  private static final String[] WORDS = ("the a to of and in for on with as we our your please thanks regarding "
      + "order account payment delivery issue update request team customer support invoice item shipment "
      + "received attached following review confirm schedule meeting project status report quarter budget "
      + "approved pending refund service contract renewal system access password reset error message "
      + "server network office client manager department policy note details below above soon today "
      + "tomorrow week month total amount due balance reference number product quantity price tax").split(" ");
  private static final String[] FIRST = {"Alice", "Bob", "Carla", "Deepak", "Elena", "Farid", "Grace", "Hiro"};
  private static final String[] LAST = {"Smith", "Jones", "Garcia", "Patel", "Müller", "Rossi", "Chen", "Okafor"};
  private static final String[] DOMAINS = {"example.com", "acme.co.uk", "mail.example.org", "contoso.de"};
  private static final String[] AREA_CODES = {"212", "415", "617", "303", "512", "206"};
  private static final String[] MONTHS = {"January", "March", "June", "September", "November"};

  private final Random random;

  BenchmarkCorpus(long seed) {
    this.random = new Random(seed);
  }

  List<String> documents(int count) {
    List<String> docs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      switch (i % 3) {
        case 0 -> docs.add(email());
        case 1 -> docs.add(ticket());
        default -> docs.add(invoice());
      }
    }
    return docs;
  }

  private String email() {
    StringBuilder sb = new StringBuilder(2300);
    String name = name();
    sb.append("From: ").append(name).append(" <").append(emailAddress(name)).append(">\n")
        .append("To: ").append(emailAddress(name())).append("\nDate: ").append(writtenDate())
        .append("\nSubject: ").append(sentence(5)).append("\n\nHi ").append(FIRST[random.nextInt(FIRST.length)])
        .append(",\n\n");
    fill(sb, 1300);
    sb.append(" You can reach me on ").append(usPhone()).append(" or at ").append(emailAddress(name)).append(". ");
    fill(sb, 1900);
    sb.append("\n\nBest regards,\n").append(name).append("\nMobile: ").append(ukPhone())
        .append("\nhttps://www.").append(DOMAINS[random.nextInt(DOMAINS.length)]).append("/contact\n");
    return sb.toString();
  }

  private String ticket() {
    StringBuilder sb = new StringBuilder(2300);
    sb.append("Ticket #").append(100000 + random.nextInt(900000)).append(" opened ").append(isoDateTime())
        .append(" by ").append(name()).append("\nPriority: high\nHost: 10.").append(random.nextInt(256)).append('.')
        .append(random.nextInt(256)).append('.').append(random.nextInt(256)).append("\n\n");
    fill(sb, 900);
    sb.append(" The customer called from ").append(usPhone()).append(" and gave card ending ")
        .append(1000 + random.nextInt(9000)).append(" for verification. ");
    fill(sb, 1500);
    sb.append(" Logs attached, build 2.14.").append(random.nextInt(40)).append(", retry at ")
        .append(1 + random.nextInt(12)).append(":").append(10 + random.nextInt(50)).append(" pm. ");
    fill(sb, 2000);
    return sb.toString();
  }

  private String invoice() {
    StringBuilder sb = new StringBuilder(2300);
    sb.append("INVOICE INV-2024-").append(10000 + random.nextInt(90000)).append("\nIssued: ")
        .append(1 + random.nextInt(28)).append('/').append(1 + random.nextInt(12)).append("/2024\nBill to: ")
        .append(name()).append(", ").append(100 + random.nextInt(900)).append(" Main Street\n\n");
    for (int line = 0; line < 8; line++) {
      sb.append(line + 1).append(". ").append(sentence(4)).append("  qty ").append(1 + random.nextInt(20))
          .append("  $").append(random.nextInt(2000)).append('.').append(10 + random.nextInt(90)).append('\n');
    }
    fill(sb, 1200);
    sb.append("\nPay by card ").append(cardNumber()).append(" or transfer to IBAN ").append(germanIban())
        .append(". Questions: ").append(emailAddress(name())).append(". ");
    fill(sb, 2000);
    return sb.toString();
  }

  private void fill(StringBuilder sb, int untilLength) {
    while (sb.length() < untilLength) {
      sb.append(sentence(6 + random.nextInt(10))).append(' ');
    }
  }

  private String sentence(int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String w = WORDS[random.nextInt(WORDS.length)];
      sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i + 1 < words ? " " : ".");
    }
    return sb.toString();
  }

  private String name() {
    return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
  }

  private String emailAddress(String name) {
    return name.toLowerCase().replace(' ', '.').replace("ü", "ue") + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
  }

  private String usPhone() {
    return "(" + AREA_CODES[random.nextInt(AREA_CODES.length)] + ") " + (200 + random.nextInt(800)) + "-"
        + (1000 + random.nextInt(9000));
  }

  private String ukPhone() {
    return "+44 20 7" + (100 + random.nextInt(900)) + " " + (1000 + random.nextInt(9000));
  }

  private String writtenDate() {
    return MONTHS[random.nextInt(MONTHS.length)] + " " + (1 + random.nextInt(28)) + ", 2024";
  }

  private String isoDateTime() {
    return String.format("2024-%02d-%02dT%02d:%02d:00Z", 1 + random.nextInt(12), 1 + random.nextInt(28),
        random.nextInt(24), random.nextInt(60));
  }

  private String cardNumber() {
    StringBuilder payload = new StringBuilder("4");
    while (payload.length() < 15) {
      payload.append(random.nextInt(10));
    }
    String digits = payload.toString() + Luhn.checkDigit(payload);
    return digits.substring(0, 4) + " " + digits.substring(4, 8) + " " + digits.substring(8, 12) + " "
        + digits.substring(12);
  }

  private String germanIban() {
    StringBuilder bban = new StringBuilder();
    while (bban.length() < 18) {
      bban.append(random.nextInt(10));
    }
    String iban = "DE" + Iban.checkDigits("DE", bban.toString()) + bban;
    StringBuilder spaced = new StringBuilder();
    for (int i = 0; i < iban.length(); i += 4) {
      spaced.append(iban, i, Math.min(i + 4, iban.length())).append(i + 4 < iban.length() ? " " : "");
    }
    return spaced.toString();
  }
}
