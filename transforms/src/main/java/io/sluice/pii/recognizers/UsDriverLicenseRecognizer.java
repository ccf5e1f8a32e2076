package io.sluice.pii.recognizers;

import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Set;

/**
 * US driver licence numbers. States use dozens of shapes; the letter-and-digit ones are weak (0.3), plain
 * digit runs very weak (0.01). Context words ("driver", "license") are what make them reportable.
 */
public final class UsDriverLicenseRecognizer extends RegexRecognizer {

  public UsDriverLicenseRecognizer() {
    super("UsDriverLicenseRecognizer", EntityTypes.US_DRIVER_LICENSE,
        Set.of("driver", "license", "licence", "permit", "lic", "identification", "dl", "dls", "cdl", "driving"),
        List.of(
            ScoredPattern.of("license alphanumeric",
                "(?<![0-9A-Za-z-])(?:[A-Z]{1,2}[0-9]{4,14}|[0-9]{7,9}[A-Z]{1,2}|[0-9]{2,3}[A-Z]{2,3}[0-9]{4,6})"
                    + "(?![0-9A-Za-z]|-[0-9])",
                0.3).startingLike(StartShape.LICENSE),
            ScoredPattern.of("license digits", "(?<![0-9A-Za-z-])[0-9]{6,14}(?![0-9A-Za-z]|-[0-9])", 0.01)
                .within(Candidates.digitRuns(6, 0, 0))),
        // Up to three letters and three digits before the last digit run, two letters after it.
        Candidates.digitRuns(4, 6, 2));
  }
}
