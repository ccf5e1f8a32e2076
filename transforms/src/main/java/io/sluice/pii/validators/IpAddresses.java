package io.sluice.pii.validators;

/** Strict textual IPv4 and IPv6 parsing, without {@link java.net.InetAddress} (which may resolve names). */
public final class IpAddresses {

  private IpAddresses() {}

  /** Dotted-quad IPv4: four decimal octets 0-255, no leading zeros (which some tools read as octal). */
  public static boolean isIpv4(CharSequence s, int from, int to) {
    int octets = 0;
    int i = from;
    while (i < to) {
      int start = i;
      int value = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return false;
        }
      }
      int len = i - start;
      if (len == 0 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
        return false;
      }
      octets++;
      if (i < to) {
        if (s.charAt(i) != '.' || octets == 4) {
          return false;
        }
        i++;
        if (i == to) {
          return false;
        }
      }
    }
    return octets == 4;
  }

  public static boolean isIpv4(String s) {
    return isIpv4(s, 0, s.length());
  }

  /**
   * RFC 4291 text form: eight groups of 1-4 hex digits, at most one "::" standing for one or more zero
   * groups, and optionally a trailing dotted IPv4 standing for the last two groups.
   */
  public static boolean isIpv6(String s) {
    int doubleColon = s.indexOf("::");
    if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
      return false;
    }
    int groups;
    if (doubleColon >= 0) {
      int left = countGroups(s, 0, doubleColon, false);
      int right = countGroups(s, doubleColon + 2, s.length(), true);
      if (left < 0 || right < 0) {
        return false;
      }
      groups = left + right;
      return groups <= 7;
    }
    groups = countGroups(s, 0, s.length(), true);
    return groups == 8;
  }

  /**
   * Groups in s[from, to) separated by single colons, -1 when malformed. An empty range has none. When
   * {@code ipv4Tail} is set the last group may be a dotted IPv4 address, counted as two.
   */
  private static int countGroups(String s, int from, int to, boolean ipv4Tail) {
    if (from == to) {
      return 0;
    }
    int groups = 0;
    int start = from;
    for (int i = from; i <= to; i++) {
      if (i == to || s.charAt(i) == ':') {
        int len = i - start;
        if (i == to && ipv4Tail && s.indexOf('.', start) >= 0 && s.indexOf('.', start) < to) {
          return isIpv4(s, start, to) ? groups + 2 : -1;
        }
        if (len < 1 || len > 4 || !allHex(s, start, i)) {
          return -1;
        }
        groups++;
        start = i + 1;
      }
    }
    return groups;
  }

  private static boolean allHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
