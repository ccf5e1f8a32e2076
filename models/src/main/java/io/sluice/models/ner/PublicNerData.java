package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The public labelled data under the shared data folder, with each source's labels mapped onto ours:
 * <ul>
 *   <li>WNUT-17 (ner/wnut17_train.conll): person, location, group and corporation; product and
 *       creative-work are not PII types and become outside;</li>
 *   <li>wikigold (ner/wikigold.conll) and SEC filings (ner/sec_fin5.conll): PER, LOC, ORG; MISC is outside.
 *       sec_fin5 tags contract roles ("Borrower", "Lender") as PER: those spans are relabelled outside, since a
 *       role is not a person's name and the recognizer must not redact it;</li>
 *   <li>CVs (resumes/dotin_resumes_train.zip): Name, Location, Companies worked at.</li>
 * </ul>
 * No source labels street addresses; those come from the generated documents only.
 */
public final class PublicNerData {
  static final Map<String, String> WNUT = Map.of("person", "PERSON", "location", "LOCATION",
      "group", "ORGANIZATION", "corporation", "ORGANIZATION");
  static final Map<String, String> CONLL_IO = Map.of("PER", "PERSON", "LOC", "LOCATION", "ORG", "ORGANIZATION");
  static final Map<String, String> RESUMES = Map.of("Name", "PERSON", "Location", "LOCATION",
      "Companies worked at", "ORGANIZATION");
  /** Contract roles sec_fin5 tags as PER. */
  static final Set<String> SEC_ROLES = Set.of("borrower", "lender", "guarantor", "grantor", "pledgor", "debtor");

  private PublicNerData() {}

  public static List<GoldDocument> wnutTrain(Path data) throws IOException {
    return ConllReader.read(data.resolve("ner/wnut17_train.conll"), WNUT::get);
  }

  public static List<GoldDocument> wnutDev(Path data) throws IOException {
    return ConllReader.read(data.resolve("ner/wnut17_dev.conll"), WNUT::get);
  }

  public static List<GoldDocument> wikigold(Path data) throws IOException {
    return ConllReader.read(data.resolve("ner/wikigold.conll"), CONLL_IO::get);
  }

  public static List<GoldDocument> secFilings(Path data) throws IOException {
    List<GoldDocument> out = new ArrayList<>();
    for (GoldDocument d : ConllReader.read(data.resolve("ner/sec_fin5.conll"), CONLL_IO::get)) {
      out.add(withoutRoles(d));
    }
    return out;
  }

  public static List<GoldDocument> resumes(Path data) throws IOException {
    return ResumeReader.read(data.resolve("resumes/dotin_resumes_train.zip"), RESUMES::get);
  }

  static GoldDocument withoutRoles(GoldDocument d) {
    List<EntitySpan> kept = new ArrayList<>();
    for (EntitySpan s : d.spans()) {
      String value = substring(d.text(), s).toLowerCase(Locale.ROOT);
      if (!(s.type().equals("PERSON") && SEC_ROLES.contains(value))) {
        kept.add(s);
      }
    }
    return new GoldDocument(d.id(), d.text(), kept);
  }

  static String substring(String text, EntitySpan s) {
    int from = text.offsetByCodePoints(0, s.start());
    return text.substring(from, text.offsetByCodePoints(from, s.end() - s.start()));
  }
}
