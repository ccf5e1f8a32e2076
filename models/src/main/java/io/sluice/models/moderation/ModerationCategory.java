package io.sluice.models.moderation;

import java.util.Locale;
import java.util.Optional;

/**
 * The fixed moderation categories. Their names (lower case, as in {@link #label()}) appear in policies,
 * model label maps, gold files and outputs, so they never change:
 * <ul>
 *   <li>toxicity: rude, insulting, profane or demeaning language (every hateful text is also toxic)</li>
 *   <li>hate: attacks or demeaning generalisations about people for a protected attribute (origin, religion,
 *       ethnicity, gender, sexuality, disability)</li>
 *   <li>harassment: threats, intimidation or abuse aimed at a specific person</li>
 *   <li>sexual: sexually explicit or suggestive content and solicitation</li>
 *   <li>violence: threats of, incitement to, or relish in physical harm</li>
 *   <li>self_harm: the writer's own suicidal ideation, self-injury or intent (not talk about prevention)</li>
 *   <li>spam: unsolicited bulk or scam messages (prizes, lotteries, premium-rate numbers)</li>
 * </ul>
 */
public enum ModerationCategory {
  TOXICITY, HATE, HARASSMENT, SEXUAL, VIOLENCE, SELF_HARM, SPAM;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ModerationCategory> byLabel(String label) {
    for (ModerationCategory c : values()) {
      if (c.label().equals(label.trim().toLowerCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public static ModerationCategory parse(String label) {
    return byLabel(label).orElseThrow(() -> new IllegalArgumentException("unknown moderation category '" + label
        + "'; use toxicity, hate, harassment, sexual, violence, self_harm or spam"));
  }

  public static int count() {
    return values().length;
  }
}
