package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.pii.validators.IpAddresses;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * IPv4 (octets 0-255) and IPv6 (full, compressed "::" and IPv4-suffixed forms), each candidate parsed
 * strictly; times like 10:30:45 and MAC addresses fail the IPv6 parse.
 */
public final class IpAddressRecognizer extends RegexRecognizer {

  private static final String V4 = "ipv4";

  public IpAddressRecognizer() {
    super("IpAddressRecognizer", EntityTypes.IP_ADDRESS, Set.of("ip", "ipv4", "ipv6", "address", "host", "server"),
        List.of(
            ScoredPattern.of(V4, "(?<![0-9A-Za-z.])[0-9]{1,3}(?:\\.[0-9]{1,3}){3}(?![0-9A-Za-z]|\\.[0-9])", 0.6)
                .within(Candidates.tokensWith(TextIndex.DIGIT, 7)).startingLike(StartShape.IPV4),
            ScoredPattern.of("ipv6",
                "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){3}|[0-9A-Fa-f]{1,4})?"
                    + "(?![0-9A-Za-z]|\\.[0-9])",
                0.6).startingLike(StartShape.TWO_HEX_GROUPS)),
        // Every IPv6 form has at least two colons ("::1" is the shortest).
        Candidates.tokensWith(TextIndex.COLONS, 3));
  }

  @Override
  protected Detection accept(String text, Matcher match, ScoredPattern pattern) {
    int start = match.start();
    int end = match.end();
    if (pattern.name().equals(V4)) {
      return IpAddresses.isIpv4(text, start, end) ? detection(start, end, pattern.score()) : null;
    }
    // A sentence colon right after an address ("at fe80::1: down") is not part of it.
    if (text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
      end--;
    }
    return IpAddresses.isIpv6(text.substring(start, end)) ? detection(start, end, pattern.score()) : null;
  }
}
