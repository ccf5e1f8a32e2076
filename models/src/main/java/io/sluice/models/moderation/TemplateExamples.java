package io.sluice.models.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Our own examples for categories the public sets lack, filled from the hand-written templates in
 * {@code templates.tsv} with seeded slot choices. Each example's stratum is its template ("template:N"), so
 * splits can hold out whole templates and dev scores are not inflated by near-copies.
 */
public final class TemplateExamples {
  static final String RESOURCE = "/io/sluice/models/moderation/templates.tsv";
  private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");

  private final Map<String, List<String>> slots;
  private final List<Template> templates;

  record Template(int id, Set<ModerationCategory> labels, String pattern) {}

  private TemplateExamples(Map<String, List<String>> slots, List<Template> templates) {
    this.slots = slots;
    this.templates = templates;
  }

  public static TemplateExamples bundled() {
    try (InputStream in = TemplateExamples.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("template resource missing from the classpath: " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TemplateExamples parse(String tsv) {
    Map<String, List<String>> slots = new LinkedHashMap<>();
    List<Template> templates = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", 2);
      if (f.length != 2) {
        throw new IllegalArgumentException("template line without a tab: line " + (templates.size() + 1));
      }
      if (f[0].startsWith("@")) {
        slots.put(f[0].substring(1), List.of(f[1].split("\\|")));
      } else {
        Set<ModerationCategory> labels = EnumSet.noneOf(ModerationCategory.class);
        if (!"none".equals(f[0].trim())) {
          for (String c : f[0].split(",")) {
            labels.add(ModerationCategory.parse(c));
          }
        }
        // "\n" in a template is a line break (chat logs, tickets)
        templates.add(new Template(templates.size(), labels, f[1].trim().replace("\\n", "\n")));
      }
    }
    for (Template t : templates) {
      Matcher m = SLOT.matcher(t.pattern());
      while (m.find()) {
        if (!slots.containsKey(m.group(1))) {
          throw new IllegalArgumentException("template " + t.id() + " uses undefined slot " + m.group(1));
        }
      }
    }
    return new TemplateExamples(slots, templates);
  }

  public int templateCount() {
    return templates.size();
  }

  /** Up to {@code perTemplate} distinct fillings of every template (fewer when a template has few slots). */
  public List<LabeledText> generate(int perTemplate, long seed) {
    List<LabeledText> out = new ArrayList<>();
    for (Template t : templates) {
      Random random = new Random(seed * 31 + t.id());
      Set<String> texts = new LinkedHashSet<>();
      for (int attempt = 0; attempt < perTemplate * 4 && texts.size() < perTemplate; attempt++) {
        texts.add(fill(t.pattern(), random));
      }
      for (String text : texts) {
        out.add(new LabeledText(text, t.labels(), "template", "template:" + t.id()));
      }
    }
    return out;
  }

  /** Template strata (see {@link #generate}) held out whole from training, for dev and for tuning. */
  public record HeldOut(Set<String> dev, Set<String> tune) {}

  /**
   * Per label set, a seeded quarter of the templates for dev (at least one of each set with three or more
   * templates) and the next fifth for tuning thresholds (at least one of each set with five or more), so held-out
   * examples come from sentences the head never saw filled.
   */
  public HeldOut heldOut(long seed) {
    Map<Set<ModerationCategory>, List<Template>> byLabels = new LinkedHashMap<>();
    for (Template t : templates) {
      byLabels.computeIfAbsent(t.labels(), k -> new ArrayList<>()).add(t);
    }
    Set<String> dev = new LinkedHashSet<>();
    Set<String> tune = new LinkedHashSet<>();
    Random random = new Random(seed);
    for (List<Template> group : byLabels.values()) {
      if (group.size() < 3) {
        continue;
      }
      List<Template> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      int nDev = Math.max(1, group.size() / 4);
      int nTune = group.size() < 5 ? 0 : Math.max(1, group.size() / 5);
      shuffled.subList(0, nDev).forEach(t -> dev.add("template:" + t.id()));
      shuffled.subList(nDev, nDev + nTune).forEach(t -> tune.add("template:" + t.id()));
    }
    return new HeldOut(dev, tune);
  }

  private String fill(String pattern, Random random) {
    Matcher m = SLOT.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      List<String> choices = slots.get(m.group(1));
      m.appendReplacement(sb, Matcher.quoteReplacement(choices.get(random.nextInt(choices.size()))));
    }
    m.appendTail(sb);
    String s = sb.toString();
    // sentence-initial slots ("{group} are ...") read naturally capitalised
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
