package io.sluice.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import org.junit.jupiter.api.Test;

class NationalNumberGateTest {

  private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

  @Test
  void passesEveryWayANumberMayBeWrittenWithoutPlus() {
    NationalNumberGate us = NationalNumberGate.forRegion("US", util);
    assertTrue(us.mayHoldNumber("4155552671"));
    assertTrue(us.mayHoldNumber("14155552671"), "trunk prefix 1");
    assertTrue(us.mayHoldNumber("011442079460958"), "exit code: libphonenumber decides");
    NationalNumberGate gb = NationalNumberGate.forRegion("GB", util);
    assertTrue(gb.mayHoldNumber("02079460958"), "trunk prefix 0");
    assertTrue(gb.mayHoldNumber("442079460958"), "country code without +");
  }

  @Test
  void stopsDigitsNoNumberOfTheRegionCanHave() {
    NationalNumberGate us = NationalNumberGate.forRegion("US", util);
    assertFalse(us.mayHoldNumber("20240305"), "an ISO date's digits: too short");
    assertFalse(us.mayHoldNumber("0123456789"), "no NANP number starts with 0");
    assertFalse(us.mayHoldNumber("123456789012"), "too long");
  }

  @Test
  void trunkPrefixComesFromTheNumberingPlan() {
    assertTrue(NationalNumberGate.forRegion("GB", util).startsWithTrunkPrefix("02079460958"));
    assertFalse(NationalNumberGate.forRegion("GB", util).startsWithTrunkPrefix("2079460958"));
    assertTrue(NationalNumberGate.forRegion("US", util).startsWithTrunkPrefix("14155552671"));
  }

  @Test
  void acceptsAsWrittenOnlyNumbersWithNothingToStripInRegionsThatNeverAskForThePrefix() {
    NationalNumberGate us = NationalNumberGate.forRegion("US", util);
    assertTrue(us.acceptsAsWritten("6502530000"));
    assertFalse(us.acceptsAsWritten("16502530000"), "trunk prefix or country code: parsing strips it");
    assertFalse(us.acceptsAsWritten("0116502530000"), "exit code");
    assertFalse(us.acceptsAsWritten("1234567890"), "not a valid NANP number");
    assertFalse(NationalNumberGate.forRegion("GB", util).acceptsAsWritten("2079460958"),
        "GB numbers written without their national prefix are the matcher's call");
    assertFalse(NationalNumberGate.forRegion("CA", util).acceptsAsWritten("6135550123"),
        "isValidNumber checks +1 numbers against the US plan first");
  }

  @Test
  void unknownRegionsHaveNoGate() {
    assertNull(NationalNumberGate.forRegion("ZZ", util));
    assertNull(NationalNumberGate.forRegion("XX", util));
  }

  @Test
  void readingsFollowLibphonenumbersRetriesInsideACandidate() {
    assertEquals(List.of("4155552671", "415", "5552671"), PhoneRecognizer.readings("(415) 555-2671"));
    assertEquals(List.of("2079460958", "20", "7946", "0958"), PhoneRecognizer.readings("20.7946.0958"));
    assertEquals(List.of("1234567"), PhoneRecognizer.readings("123-4567"));
  }
}
