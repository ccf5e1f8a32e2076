package io.sluice.pii.recognizers;

import io.sluice.pii.EntityTypes;
import java.util.List;
import java.util.Set;

/** MAC addresses: six hex pairs joined by ':' or '-' (one kind throughout), or Cisco's three dotted quads. */
public final class MacAddressRecognizer extends RegexRecognizer {

  public MacAddressRecognizer() {
    super("MacAddressRecognizer", EntityTypes.MAC_ADDRESS,
        Set.of("mac", "ethernet", "hardware", "address", "wifi", "device", "nic"),
        List.of(
            ScoredPattern.of("mac pairs",
                "(?<![0-9A-Za-z:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Za-z:]|-[0-9A-Za-z])",
                0.6).startingLike(StartShape.HEX_PAIR_THEN_SEPARATOR),
            ScoredPattern.of("mac cisco",
                "(?<![0-9A-Za-z.])[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}(?![0-9A-Za-z]|\\.[0-9A-Za-z])", 0.6)
                .startingLike(StartShape.HEX_QUAD_THEN_DOT)),
        Candidates.tokensWith(TextIndex.DIGIT | TextIndex.COLON, 14));
  }
}
