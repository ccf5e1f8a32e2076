package io.sluice.pii.recognizers;

import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Set;

/** US bank account numbers: 8-17 bare digits, very weak (0.05) unless account words are near. */
public final class UsBankNumberRecognizer extends RegexRecognizer {

  public UsBankNumberRecognizer() {
    super("UsBankNumberRecognizer", EntityTypes.US_BANK_NUMBER,
        Set.of("bank", "check", "account", "account#", "acct", "save", "debit", "checking", "savings"),
        List.of(ScoredPattern.of("bank account", "(?<![0-9A-Za-z-])[0-9]{8,17}(?![0-9A-Za-z]|-[0-9])", 0.05)),
        Candidates.digitRuns(8, 0, 0));
  }
}
