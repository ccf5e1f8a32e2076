package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers found by libphonenumber's matcher with {@link Leniency#VALID}: the number must be valid
 * for its region (right length and prefixes), which rejects order numbers and other digit junk. Numbers
 * without a country code are tried against each of the policy's regions. libphonenumber only sees
 * numeric chunks with at least seven digits, which keeps it off most of the text. Base score 0.4 as in
 * Presidio: phone-shaped numbers are common, so context words decide.
 */
public final class PhoneRecognizer implements IndexedRecognizer {

  static final double BASE_SCORE = 0.4;
  private static final int MIN_DIGITS = 7;

  private static final Candidates CANDIDATES = Candidates.numericChunks(MIN_DIGITS, 0);
  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;

  /** @param regions ISO 3166 alpha-2 codes tried for numbers written without a country code */
  public PhoneRecognizer(List<String> regions) {
    this.regions = List.copyOf(regions);
  }

  @Override
  public String name() {
    return "PhoneRecognizer";
  }

  @Override
  public Set<String> supportedEntities() {
    return Set.of(EntityTypes.PHONE_NUMBER);
  }

  @Override
  public Set<String> contextWords() {
    return Set.of("phone", "number", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax", "ph");
  }

  @Override
  public void analyze(TextIndex index, List<Detection> out) {
    int[] chunks = CANDIDATES.regions(index);
    String text = index.text();
    List<Detection> found = new ArrayList<>();
    for (int r = 0; r < chunks.length; r += 2) {
      int offset = chunks[r];
      String chunk = text.substring(offset, chunks[r + 1]);
      for (String region : regions) {
        for (PhoneNumberMatch match : util.findNumbers(chunk, region, Leniency.VALID, Long.MAX_VALUE)) {
          addUnlessSeen(found, offset + match.start(), offset + match.end());
        }
      }
    }
    out.addAll(found);
  }

  /** Several regions often find the same international number; report it once. */
  private void addUnlessSeen(List<Detection> found, int start, int end) {
    for (Detection d : found) {
      if (d.start() == start && d.end() == end) {
        return;
      }
    }
    found.add(new Detection(EntityTypes.PHONE_NUMBER, start, end, BASE_SCORE, name()));
  }
}
