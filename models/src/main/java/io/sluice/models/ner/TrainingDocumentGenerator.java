package io.sluice.models.ner;

import io.sluice.models.eval.GoldDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Writes labelled documents of the kinds Sluice sweeps (emails, tickets, chats, forms, letters, shipping
 * labels, invoices, meeting notes, reviews) from our own templates and datafaker values: names, places,
 * organisations and single- or multi-line street addresses, with distractors next to them (order numbers,
 * product names, capitalised non-names, departments, e-mail addresses and phones, which are not NER types).
 * About one in eight documents is written all lower-case and one in twelve all upper-case. Deterministic for
 * a seed.
 */
public final class TrainingDocumentGenerator {
  private static final String PERSON = "PERSON";
  private static final String LOCATION = "LOCATION";
  private static final String ORG = "ORGANIZATION";
  private static final String ADDRESS = "STREET_ADDRESS";

  private final EntityValues v;
  private final List<BiConsumer<DocumentBuilder, EntityValues>> templates = List.of(
      TrainingDocumentGenerator::email, TrainingDocumentGenerator::ticket, TrainingDocumentGenerator::chat,
      TrainingDocumentGenerator::form, TrainingDocumentGenerator::letter, TrainingDocumentGenerator::shippingLabel,
      TrainingDocumentGenerator::invoice, TrainingDocumentGenerator::meetingNotes, TrainingDocumentGenerator::review,
      TrainingDocumentGenerator::hrNote, TrainingDocumentGenerator::newsSentence, TrainingDocumentGenerator::noEntities);

  public TrainingDocumentGenerator(long seed) {
    this.v = new EntityValues(seed);
  }

  public List<GoldDocument> generate(int count, String idPrefix) {
    List<GoldDocument> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double r = v.random().nextDouble();
      DocumentBuilder.Casing casing = r < 0.125 ? DocumentBuilder.Casing.LOWER
          : r < 0.21 ? DocumentBuilder.Casing.UPPER : DocumentBuilder.Casing.AS_WRITTEN;
      DocumentBuilder b = new DocumentBuilder(casing);
      v.pick(templates).accept(b, v);
      out.add(b.build(idPrefix + i));
    }
    return out;
  }

  private static void email(DocumentBuilder b, EntityValues v) {
    String from = v.person();
    String to = v.firstName();
    b.text("From: ").entity(PERSON, from).text(" <" + v.email(from) + ">\nTo: ")
        .text(v.email(to) + "\nSubject: " + v.pick(List.of("Re: your order ", "Invoice ", "Meeting ", "Ticket #"))
            + v.number(5) + "\n\n");
    b.text(v.pick(List.of("Hi ", "Dear ", "Hello ", "Good morning "))).entity(PERSON, to).text(",\n\n");
    b.text(v.pick(List.of("Thanks for meeting us in ", "I will be travelling to ", "Our team in ", "We shipped it from ")))
        .entity(LOCATION, v.location()).text(v.pick(List.of(" last week. ", " on " + v.date() + ". ", ". ")));
    if (v.chance(0.6)) {
      b.text("Please send the signed copy to our office at ").entity(ADDRESS, v.streetAddress(v.chance(0.5)))
          .text(v.chance(0.5) ? ".\n" : "\n");
    }
    if (v.chance(0.5)) {
      b.text("The " + v.product() + " (order " + v.number(6) + ") is covered by our agreement with ")
          .entity(ORG, v.organization()).text(". ");
    }
    b.text(v.sentenceFiller() + "\n\nBest regards,\n").entity(PERSON, from).text("\n");
    if (v.chance(0.7)) {
      b.entity(ORG, v.organization()).text("\n" + v.phone() + "\n");
    }
  }

  private static void ticket(DocumentBuilder b, EntityValues v) {
    b.text("Ticket " + v.number(5) + " | Priority: " + v.pick(List.of("High", "Low", "Medium")) + "\nReporter: ")
        .entity(PERSON, v.person()).text(" (ID " + v.number(4) + ")\nAssignee: ").entity(PERSON, v.person())
        .text(", " + v.department() + "\nCustomer: ").entity(ORG, v.organization()).text("\n\n");
    b.text("The " + v.product() + " stopped syncing after the update. " + v.capitalisedWord() + " "
        + v.sentenceFiller() + " Site: ").entity(LOCATION, v.city()).text(".\n");
    if (v.chance(0.5)) {
      b.text("On-site visit requested at ").entity(ADDRESS, v.streetAddress(false)).text(".\n");
    }
    b.text("Last update " + v.date() + " by ").entity(PERSON, v.firstName()).text(".\n");
  }

  private static void chat(DocumentBuilder b, EntityValues v) {
    String agent = v.firstName();
    String customer = v.person();
    b.text("[10:" + v.between(10, 59) + "] ").entity(PERSON, agent).text(": hi, how can i help?\n");
    b.text("[10:" + v.between(10, 59) + "] ").entity(PERSON, customer)
        .text(": my " + v.product() + " never arrived, order " + v.number(7) + "\n");
    b.text("[10:" + v.between(10, 59) + "] ").entity(PERSON, agent).text(": sorry! can you confirm the address?\n");
    b.text("[10:" + v.between(10, 59) + "] ").entity(PERSON, customer).text(": ")
        .entity(ADDRESS, v.streetAddress(false)).text("\n");
    if (v.chance(0.6)) {
      b.text("[10:" + v.between(10, 59) + "] ").entity(PERSON, agent).text(": thanks, i see it left our depot in ")
          .entity(LOCATION, v.city()).text(" yesterday. i'll ask ").entity(PERSON, v.firstName())
          .text(" from " + v.department().toLowerCase(java.util.Locale.ROOT) + " to call you\n");
    }
    if (v.chance(0.4)) {
      b.text("[10:" + v.between(10, 59) + "] ").entity(PERSON, customer).text(": ok. i work at ")
          .entity(ORG, v.organization()).text(", call me at " + v.phone() + "\n");
    }
  }

  private static void form(DocumentBuilder b, EntityValues v) {
    b.text(v.pick(List.of("REGISTRATION FORM", "Application form", "New customer form", "Patient intake")) + "\n");
    b.text("Full name: ").entity(PERSON, v.person()).text("\nDate of birth: " + v.date() + "\n");
    b.text(v.pick(List.of("Address:\n", "Home address: ", "Address: "))).entity(ADDRESS, v.streetAddress(v.chance(0.6)))
        .text("\nEmployer: ").entity(ORG, v.organization()).text("\nPlace of birth: ").entity(LOCATION, v.location())
        .text("\nMembership: " + v.capitalisedWord() + " " + v.number(8) + "\n");
    if (v.chance(0.5)) {
      b.text("Emergency contact: ").entity(PERSON, v.person()).text(", " + v.phone() + "\n");
    }
  }

  private static void letter(DocumentBuilder b, EntityValues v) {
    String sender = v.person();
    b.entity(ORG, v.organization()).text("\n").entity(ADDRESS, v.streetAddress(true)).text("\n\n" + v.date() + "\n\n");
    b.text(v.title()).entity(PERSON, v.person()).text("\n").entity(ADDRESS, v.streetAddress(true)).text("\n\n");
    b.text("Dear " + v.title()).entity(PERSON, v.lastName()).text(",\n\n");
    b.text("Following your visit to our branch in ").entity(LOCATION, v.city()).text(", we confirm that your "
        + v.product() + " warranty (reference " + v.number(8) + ") has been extended. " + v.sentenceFiller() + "\n\n");
    b.text("Yours sincerely,\n\n").entity(PERSON, sender).text("\n" + v.department() + "\n");
  }

  private static void shippingLabel(DocumentBuilder b, EntityValues v) {
    b.text("SHIP TO:\n").entity(PERSON, v.person()).text("\n");
    if (v.chance(0.3)) {
      b.entity(ORG, v.organization()).text("\n");
    }
    b.entity(ADDRESS, v.streetAddress(true)).text("\n\nFROM:\n").entity(ORG, v.organization()).text("\n")
        .entity(ADDRESS, v.streetAddress(true)).text("\n\nTRACKING: 1Z" + v.number(9) + "\nWEIGHT: "
            + v.between(1, 30) + " kg\nCONTENTS: " + v.product() + "\n");
  }

  private static void invoice(DocumentBuilder b, EntityValues v) {
    b.text("INVOICE INV-" + v.number(6) + "\n").entity(ORG, v.organization()).text("\n")
        .entity(ADDRESS, v.streetAddress(true)).text("\n\nBill to:\n").entity(PERSON, v.person()).text("\n")
        .entity(ADDRESS, v.streetAddress(true)).text("\n\n");
    int items = v.between(1, 4);
    for (int i = 0; i < items; i++) {
      b.text(v.product() + "   " + v.between(1, 20) + "   $" + v.between(5, 900) + "." + v.between(10, 99) + "\n");
    }
    b.text("\nDue date: " + v.date() + ". Questions: " + v.email("billing") + "\n");
  }

  private static void meetingNotes(DocumentBuilder b, EntityValues v) {
    b.text("Meeting notes " + v.date() + "\nAttendees: ").entity(PERSON, v.person()).text(", ")
        .entity(PERSON, v.person()).text(", ").entity(PERSON, v.person()).text("\n\n1. ");
    b.entity(PERSON, v.firstName()).text(" reported that the rollout in ").entity(LOCATION, v.city())
        .text(" is on track for " + v.capitalisedWord() + ".\n2. ").entity(ORG, v.organization())
        .text(" wants a demo of the " + v.product() + "; contact is ").entity(PERSON, v.person()).text(".\n");
    if (v.chance(0.5)) {
      b.text("3. Venue for the offsite: ").entity(ADDRESS, v.streetAddress(false)).text(".\n");
    }
  }

  private static void review(DocumentBuilder b, EntityValues v) {
    b.text(v.between(1, 5) + " stars - " + v.product() + "\n");
    b.text(v.pick(List.of("Bought the ", "Ordered the ", "Got the ")) + v.product() + " for " + v.between(20, 300)
        + " dollars. " + v.sentenceFiller() + " ");
    if (v.chance(0.6)) {
      b.text("Delivered to ").entity(LOCATION, v.city()).text(" in " + v.between(2, 9) + " days. ");
    }
    if (v.chance(0.5)) {
      b.text("Support from ").entity(ORG, v.organization()).text(" was " + v.pick(List.of("great", "slow", "ok"))
          + ", thanks to ").entity(PERSON, v.firstName()).text(". ");
    }
    b.text("Reviewed by ").entity(PERSON, v.person()).text("\n");
  }

  private static void hrNote(DocumentBuilder b, EntityValues v) {
    b.text("HR note - " + v.department() + "\nEmployee: ").entity(PERSON, v.person())
        .text(" (employee no. " + v.number(6) + ")\nManager: ").entity(PERSON, v.person()).text("\n");
    b.text("Relocating from ").entity(LOCATION, v.location()).text(" to ").entity(LOCATION, v.location())
        .text(" on " + v.date() + ". New home address: ").entity(ADDRESS, v.streetAddress(v.chance(0.5)))
        .text(".\nPrevious employer: ").entity(ORG, v.organization()).text(".\n");
  }

  private static void newsSentence(DocumentBuilder b, EntityValues v) {
    b.entity(PERSON, v.person()).text(", " + v.pick(List.of("chief executive of ", "a spokesperson for ",
        "head of research at ", "founder of "))).entity(ORG, v.organization())
        .text(", said on " + v.capitalisedWord() + " that the company will open an office in ")
        .entity(LOCATION, v.location()).text(" next year. The " + v.product() + " will launch first in ")
        .entity(LOCATION, v.city()).text(". ");
    if (v.chance(0.5)) {
      b.entity(PERSON, v.person()).text(" declined to comment.");
    }
  }

  /** Documents without any NER entity: capitalised words, products and numbers that must stay untagged. */
  private static void noEntities(DocumentBuilder b, EntityValues v) {
    b.text(v.capitalisedWord() + ": the " + v.product() + " firmware " + v.between(1, 9) + "." + v.between(0, 20)
        + " is available. " + v.department() + " will roll it out on " + v.capitalisedWord() + ". Order "
        + v.number(6) + ", SKU " + v.number(8) + ". " + v.sentenceFiller() + "\n");
  }
}
