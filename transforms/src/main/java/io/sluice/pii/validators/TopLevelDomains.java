package io.sluice.pii.validators;

import java.util.Locale;
import java.util.Set;

/**
 * A compact built-in list of top-level domains: the generic ones common in business text and every
 * ISO 3166 country code in use. Enough to tell "example.com" from "file.txt" or "e.g." without a
 * network-fetched public-suffix list; rarer new gTLDs are not included.
 */
public final class TopLevelDomains {

  private static final Set<String> GENERIC = Set.of(
      "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "aero", "coop",
      "museum", "travel", "jobs", "app", "dev", "xyz", "online", "site", "tech", "store", "cloud", "blog",
      "shop", "news", "email", "io", "ai", "co", "me", "tv", "page", "web", "live", "digital", "agency",
      "company", "solutions", "services", "systems", "media", "global", "group", "network", "world",
      "health", "bank", "insurance", "finance", "law", "legal", "school", "academy", "eu", "asia");

  private static final String COUNTRY_CODES =
      "ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by "
          + "bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et "
          + "fi fj fk fm fo fr ga gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie "
          + "il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu "
          + "lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no "
          + "np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh "
          + "si sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk "
          + "us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw";

  private static final Set<String> COUNTRY = Set.of(COUNTRY_CODES.split(" "));

  private TopLevelDomains() {}

  /** True when {@code tld} (without the dot, any case) is on the list. */
  public static boolean isKnown(String tld) {
    String lower = tld.toLowerCase(Locale.ROOT);
    return GENERIC.contains(lower) || COUNTRY.contains(lower);
  }
}
