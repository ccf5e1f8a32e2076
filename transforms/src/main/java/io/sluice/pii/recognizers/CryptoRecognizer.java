package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.Base58Check;
import io.sluice.pii.validators.Bech32;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Bitcoin addresses: legacy and P2SH ("1...", "3...", Base58Check) and SegWit ("bc1...", bech32 or
 * bech32m). Only addresses whose checksum verifies are reported, then as certain.
 */
public final class CryptoRecognizer extends RegexRecognizer {

  private static final String BASE58 = "base58";

  public CryptoRecognizer() {
    super("CryptoRecognizer", EntityTypes.CRYPTO, Set.of("wallet", "btc", "bitcoin", "crypto", "address", "send"),
        List.of(
            ScoredPattern.of(BASE58, "(?<![0-9A-Za-z])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![0-9A-Za-z])", 0.5)
                .startingLike(StartShape.BASE58_ADDRESS),
            ScoredPattern.of("bech32", "(?<![0-9A-Za-z])(?:bc1|BC1)[02-9AC-HJ-NP-Zac-hj-np-z]{11,71}(?![0-9A-Za-z])", 0.5)
                .startingLike(StartShape.BECH32_PREFIX)),
        // Every address starts with a digit ("1", "3", "bc1") and is at least 14 chars long.
        Candidates.tokensWith(TextIndex.DIGIT, 14));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    String address = match.group();
    boolean valid = pattern.name().equals(BASE58)
        ? Base58Check.isValidBitcoinAddress(address)
        : Bech32.isValidBitcoinAddress(address);
    return valid ? detection(match.start(), match.end(), 1.0) : null;
  }
}
