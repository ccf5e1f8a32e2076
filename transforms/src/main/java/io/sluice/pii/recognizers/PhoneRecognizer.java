package io.sluice.pii.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Phone numbers found by libphonenumber's matcher with {@link Leniency#VALID}: the number must be valid
 * for its region (right length and prefixes), which rejects order numbers and other digit junk. A number
 * starting with '+' needs one call. A number written without a country code is tried against the
 * policy's regions in order, the first that finds one wins, with one rule on top of libphonenumber's:
 * the first region is always tried, a further region only when the number starts with that region's
 * trunk prefix ("020 7946 0958" for GB, "1-800-..." for US) or a phone context word comes just before it
 * ("mobile: 98765 43210"). Without the rule, every account number, order number or date that happens to
 * be valid somewhere in the region list would be reported as a phone number, and each candidate would
 * cost one libphonenumber search per region.
 *
 * <p>libphonenumber costs tens of microseconds a call, so it only sees phone-shaped candidates
 * ({@link PhoneShape}: digit groups with single separators), 7-15 digits, not a dotted IPv4 address, inside numeric chunks, and for
 * numbers without '+' only regions whose numbering plan can hold the digits ({@link NationalNumberGate}),
 * and most of them get their answer from a parse instead of the matcher ({@link WholeNumberShortcut}).
 * Base score 0.4 as in Presidio: phone-shaped numbers are common, so context words decide.
 */
public final class PhoneRecognizer implements IndexedRecognizer {

  private static final double BASE_SCORE = 0.4;
  private static final int MIN_DIGITS = 7;
  private static final int MAX_DIGITS = 15;
  /** libphonenumber's code for "no default region": it then accepts only international numbers. */
  private static final String UNKNOWN_REGION = "ZZ";

  private static final Candidates CHUNKS = Candidates.numericChunks(MIN_DIGITS, 0);

  /**
   * Results for recently seen candidates. A candidate libphonenumber rejects costs it up to one failed
   * search per region (~70 us each), and real corpora repeat the same dates, order numbers and
   * signature phone numbers; the answer depends only on the candidate string, so it is reused. Bounded
   * by clearing when full.
   */
  private static final int RECENT_CAPACITY = 4096;
  private final Map<String, int[]> recent = new ConcurrentHashMap<>();

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final WholeNumberShortcut shortcut = new WholeNumberShortcut(util);
  private final List<String> regions;
  /** Per region of {@link #regions}; null where libphonenumber has no numbering plan for it. */
  private final List<NationalNumberGate> gates = new ArrayList<>();

  /**
   * @param regions ISO 3166 alpha-2 codes tried for numbers written without a country code; with none
   *     (or unknown ones) only numbers written with a '+' country code are found
   */
  public PhoneRecognizer(List<String> regions) {
    this.regions = regions == null || regions.isEmpty() ? List.of(UNKNOWN_REGION) : List.copyOf(regions);
    for (String region : this.regions) {
      gates.add(NationalNumberGate.forRegion(region, util));
    }
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
    return CONTEXT_WORDS;
  }

  private static final Set<String> CONTEXT_WORDS =
      Set.of("phone", "telephone", "tel", "cell", "cellphone", "mobile", "call", "fax", "ph");

  @Override
  public void analyze(TextIndex index, List<Detection> out) {
    int[] chunks = CHUNKS.regions(index);
    if (chunks.length == 0) {
      return;
    }
    String text = index.text();
    for (int r = 0; r < chunks.length; r += 2) {
      int to = chunks[r + 1];
      int at = chunks[r];
      while (at < to) {
        int end = PhoneShape.endOfShapeAt(text, at, to);
        if (end < 0) {
          at++;
          continue;
        }
        if (isCandidate(text, at, end)) {
          findNumber(text, at, end, out);
        }
        at = end;
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
    // Whether a context word is near changes which regions are tried, so it is part of the cache key.
    boolean context = candidate.charAt(0) != '+' && regions.size() > 1 && contextWordBefore(text, start);
    String key = context ? CONTEXT_MARK + candidate : candidate;
    int[] spans = recent.get(key);
    if (spans == null) {
      spans = numbersIn(candidate, context);
      if (recent.size() >= RECENT_CAPACITY) {
        recent.clear();
      }
      recent.put(key, spans);
    }
    for (int i = 0; i < spans.length; i += 2) {
      out.add(new Detection(EntityTypes.PHONE_NUMBER, start + spans[i], start + spans[i + 1], BASE_SCORE, name()));
    }
  }

  /** Prefixes a cache key whose candidate has a context word before it; never part of a candidate. */
  private static final char CONTEXT_MARK = '#';

  /** Spans of the valid numbers libphonenumber finds in {@code candidate}, as start/end pairs. */
  private int[] numbersIn(String candidate, boolean contextWordBefore) {
    List<String> readings = readings(candidate);
    if (candidate.charAt(0) == '+') {
      // The region only matters for national numbers.
      return numbersIn(candidate, 0, readings);
    }
    for (int i = 0; i < regions.size(); i++) {
      NationalNumberGate gate = gates.get(i);
      if (gate == null || (i > 0 && !contextWordBefore && !gate.startsWithTrunkPrefix(readings.get(0)))) {
        continue;
      }
      // A valid national number as written is one the gate would let through: skip its pattern match.
      if (shortcut.takesAsWritten(candidate, gate, readings)) {
        return new int[] {0, candidate.length()};
      }
      if (mayHoldNumber(gate, readings)) {
        int[] spans = numbersIn(candidate, i, readings);
        if (spans.length > 0) {
          return spans;
        }
      }
    }
    return NONE;
  }

  private static final int[] NONE = new int[0];

  /** Spans of the valid numbers in {@code candidate} for the policy's region number {@code region}. */
  private int[] numbersIn(String candidate, int region, List<String> readings) {
    int[] spans = shortcut.spans(candidate, regions.get(region), gates.get(region), readings);
    return spans != null ? spans : matcherSpans(candidate, regions.get(region));
  }

  private int[] matcherSpans(String candidate, String region) {
    List<Integer> spans = new ArrayList<>(2);
    for (PhoneNumberMatch match : util.findNumbers(candidate, region, Leniency.VALID, Long.MAX_VALUE)) {
      spans.add(match.start());
      spans.add(match.end());
    }
    return spans.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean mayHoldNumber(NationalNumberGate gate, List<String> readings) {
    for (String digits : readings) {
      if (gate.mayHoldNumber(digits)) {
        return true;
      }
    }
    return false;
  }

  /** Separators at which libphonenumber's matcher looks for a number inside a candidate that fails whole. */
  private static final char[] INNER_SEPARATORS = {' ', '.', '('};

  /**
   * The digit strings libphonenumber may read as one number in {@code candidate}: all its digits and,
   * because its matcher retries inside a candidate that fails as a whole, the digits before the first
   * space, dot or opening bracket and those between one and the next.
   */
  static List<String> readings(String candidate) {
    List<String> out = new ArrayList<>(4);
    addDigits(candidate, 0, candidate.length(), out);
    for (char separator : INNER_SEPARATORS) {
      int at = candidate.indexOf(separator);
      if (at >= 0) {
        addDigits(candidate, 0, at, out);
      }
      while (at >= 0) {
        int next = candidate.indexOf(separator, at + 1);
        addDigits(candidate, at, next < 0 ? candidate.length() : next, out);
        at = next;
      }
    }
    return out;
  }

  private static void addDigits(String text, int start, int end, List<String> out) {
    StringBuilder digits = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
      }
    }
    if (digits.length() > 0 && (out.isEmpty() || !out.get(0).contentEquals(digits))) {
      out.add(digits.toString());
    }
  }

  /** Words looked at before a candidate for a phone context word. */
  private static final int CONTEXT_WINDOW_WORDS = 5;

  /** The length of the longest of {@link #CONTEXT_WORDS}, and their first letters. */
  private static final int LONGEST_CONTEXT_WORD = CONTEXT_WORDS.stream().mapToInt(String::length).max().orElse(0);
  private static final String CONTEXT_INITIALS =
      CONTEXT_WORDS.stream().map(w -> w.substring(0, 1)).distinct().collect(Collectors.joining());

  /**
   * False for words that cannot be a context word, tested without lower-casing a copy: too long
   * (lower-casing never shortens a word), or starting with an ASCII letter none of them starts with.
   */
  private static boolean mayBeContextWord(String text, int start, int end) {
    char first = text.charAt(start);
    return end - start <= LONGEST_CONTEXT_WORD
        && (first >= 128 || CONTEXT_INITIALS.indexOf(Character.toLowerCase(first)) >= 0);
  }

  /** One of {@link #contextWords()} among the few words before {@code start} ("call me on", "Tel.:"). */
  private boolean contextWordBefore(String text, int start) {
    int i = start;
    for (int seen = 0; seen < CONTEXT_WINDOW_WORDS; seen++) {
      while (i > 0 && !Character.isLetter(text.charAt(i - 1))) {
        i--;
      }
      int end = i;
      while (i > 0 && Character.isLetter(text.charAt(i - 1))) {
        i--;
      }
      if (i == end) {
        return false;
      }
      if (mayBeContextWord(text, i, end) && CONTEXT_WORDS.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
