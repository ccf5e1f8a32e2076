package io.sluice.pii.analyzer;

import io.sluice.pii.Detection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The policy's {@code allow_list}: a detection whose covered text equals a listed string (any case) is dropped. */
final class AllowList {

  private final Set<String> allowed = new HashSet<>();

  AllowList(List<String> strings) {
    for (String s : strings) {
      if (s != null && !s.isBlank()) {
        allowed.add(s.strip().toLowerCase(Locale.ROOT));
      }
    }
  }

  boolean allows(String text, Detection detection) {
    return !allowed.isEmpty()
        && allowed.contains(text.substring(detection.start(), detection.end()).toLowerCase(Locale.ROOT));
  }
}
