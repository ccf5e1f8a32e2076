package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers found by libphonenumber's matcher with {@link Leniency#VALID}: the number must be valid
 * for its region (right length and prefixes), which rejects order numbers and other digit junk. Numbers
 * without a country code are tried against each of the policy's regions in order, the first that finds
 * one wins; numbers starting with '+' need only one call.
 *
 * <p>libphonenumber costs tens of microseconds a call, so it only sees phone-shaped candidates: digit
 * groups with single separators, 7-15 digits, not a dotted IPv4 address, inside numeric chunks. Base
 * score 0.4 as in Presidio: phone-shaped numbers are common, so context words decide.
 */
public final class PhoneRecognizer implements IndexedRecognizer {

  private static final double BASE_SCORE = 0.4;
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15;
  /** libphonenumber's code for "no default region": it then accepts only international numbers. */
  private static final String UNKNOWN_REGION = "ZZ";

  private static final Candidates CHUNKS = Candidates.numericChunks(MIN_DIGITS, 0);
  /** Optional '+', then up to seven digit groups joined by one space, dot or dash, some in parentheses. */
  private static final Pattern SHAPE = Pattern.compile(
      "(?<![0-9A-Za-z+.:/-])\\+?\\(?[0-9]{1,5}+\\)?(?:[ .-]?\\(?[0-9]{1,5}+\\)?){1,6}+(?![0-9A-Za-z]|[ .:/-][0-9])");

  /**
   * Results for recently seen candidates. A candidate libphonenumber rejects costs it up to one failed
   * search per region (~70 us each), and real corpora repeat the same dates, order numbers and
   * signature phone numbers; the answer depends only on the candidate string, so it is reused. Bounded
   * by clearing when full.
   */
  private static final int RECENT_CAPACITY = 4096;
  private final Map<String, int[]> recent = new ConcurrentHashMap<>();

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final List<String> regions;

  /**
   * @param regions ISO 3166 alpha-2 codes tried for numbers written without a country code; with none
   *     (or unknown ones) only numbers written with a '+' country code are found
   */
  public PhoneRecognizer(List<String> regions) {
    this.regions = regions == null || regions.isEmpty() ? List.of(UNKNOWN_REGION) : List.copyOf(regions);
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
    return Set.of("phone", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax", "ph");
  }

  @Override
  public void analyze(TextIndex index, List<Detection> out) {
    int[] chunks = CHUNKS.regions(index);
    if (chunks.length == 0) {
      return;
    }
    String text = index.text();
    Matcher shape = SHAPE.matcher(text);
    shape.useTransparentBounds(true).useAnchoringBounds(false);
    for (int r = 0; r < chunks.length; r += 2) {
      shape.region(chunks[r], chunks[r + 1]);
      while (shape.find()) {
        if (isCandidate(text, shape.start(), shape.end())) {
          findNumber(text, shape.start(), shape.end(), out);
        }
      }
    }
  }

  private static boolean isCandidate(String text, int start, int end) {
    int digits = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    return digits >= MIN_DIGITS && digits <= MAX_DIGITS && !IpAddresses.isIpv4(text, start, end);
  }

  private void findNumber(String text, int start, int end, List<Detection> out) {
    String candidate = text.substring(start, end);
    int[] spans = recent.get(candidate);
    if (spans == null) {
      spans = numbersIn(candidate);
      if (recent.size() >= RECENT_CAPACITY) {
        recent.clear();
      }
      recent.put(candidate, spans);
    }
    for (int i = 0; i < spans.length; i += 2) {
      out.add(new Detection(EntityTypes.PHONE_NUMBER, start + spans[i], start + spans[i + 1], BASE_SCORE, name()));
    }
  }

  /** Spans of the valid numbers libphonenumber finds in {@code candidate}, as start/end pairs. */
  private int[] numbersIn(String candidate) {
    boolean international = candidate.charAt(0) == '+';
    List<Integer> spans = new ArrayList<>(2);
    for (String region : regions) {
      for (PhoneNumberMatch match : util.findNumbers(candidate, region, Leniency.VALID, Long.MAX_VALUE)) {
        spans.add(match.start());
        spans.add(match.end());
      }
      // The region only matters for national numbers.
      if (!spans.isEmpty() || international) {
        break;
      }
    }
    return spans.stream().mapToInt(Integer::intValue).toArray();
  }
}
