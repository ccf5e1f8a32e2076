package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WholeNumberShortcutTest {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
  private final WholeNumberShortcut shortcut = new WholeNumberShortcut(util);

  private static final List<String> REGIONS = List.of("US", "GB", "DE", "FR", "IN", "CA");

  /** Valid and invalid numbers, with and without prefixes, brackets, dots, country codes. */
  private static final List<String> CANDIDATES = List.of(
      "(415) 555-2671", "415-555-2671", "415.555.2671", "1-800-555-0199", "4155552671", "14155552671",
      "020 7946 0958", "2079460958", "07700 900123", "7700900123", "+44 20 7946 0958", "+442079460958",
      "030 901820", "030 12345678", "3012345678", "01 23 45 67 89", "0123456789", "123456789",
      "98765 43210", "9876543210", "+91 98765 43210", "2024-03-05", "065-14-8533", "0944815322",
      "2587657585", "512345678", "788 16403", "555 1234 5678", "(0)20 7946 0958", "+1 415 555 2671",
      "44 20 7946 0958", "011 44 20 7946 0958", "0049 30 901820", "1234567", "(415) 555-2671 123");

  @Test
  void answersWhatTheMatcherAnswersWheneverItAnswers() {
    int answered = 0;
    for (String region : REGIONS) {
      NationalNumberGate gate = NationalNumberGate.forRegion(region, util);
      for (String candidate : CANDIDATES) {
        int[] spans = shortcut.spans(candidate, region, gate, PhoneRecognizer.readings(candidate));
        if (spans != null) {
          answered++;
          assertArrayEquals(matcherSpans(candidate, region), spans, candidate + " in " + region);
        }
      }
    }
    assertTrue(answered > CANDIDATES.size(), "the shortcut answered only " + answered + " times");
  }

  @Test
  void leavesCandidatesTheMatcherTrimsOrSplitsToIt() {
    NationalNumberGate us = NationalNumberGate.forRegion("US", util);
    assertNull(shortcut.spans("415 555 2671)", "US", us, PhoneRecognizer.readings("415 555 2671)")));
    assertNull(shortcut.spans("415 (555) 2671", "US", us, PhoneRecognizer.readings("415 (555) 2671")));
  }

  private int[] matcherSpans(String candidate, String region) {
    List<Integer> spans = new ArrayList<>();
    for (PhoneNumberMatch match : util.findNumbers(candidate, region, Leniency.VALID, Long.MAX_VALUE)) {
      spans.add(match.start());
      spans.add(match.end());
    }
    return spans.stream().mapToInt(Integer::intValue).toArray();
  }
}
