package io.sluice.models.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TemplateExamplesTest {
  @Test
  void bundledTemplatesCoverTheCategoriesPublicDataLacksAndBenignText() {
    List<LabeledText> examples = TemplateExamples.bundled().generate(5, 1);
    Set<ModerationCategory> seen = EnumSet.noneOf(ModerationCategory.class);
    examples.forEach(e -> seen.addAll(e.labels()));
    assertTrue(seen.containsAll(EnumSet.of(ModerationCategory.HARASSMENT, ModerationCategory.SEXUAL,
        ModerationCategory.VIOLENCE, ModerationCategory.SELF_HARM)), seen.toString());
    assertTrue(examples.stream().anyMatch(e -> e.labels().isEmpty()), "benign hard negatives");
    assertFalse(examples.stream().anyMatch(e -> e.text().contains("{")), "every slot is filled");
    assertTrue(examples.stream().anyMatch(e -> e.text().contains("\nAgent:")), "\\n in a template is a line break");
    assertFalse(examples.stream().anyMatch(e -> e.text().contains("\\n")));
  }

  @Test
  void generationIsSeededAndDevAndTuningHoldOutDisjointWholeTemplates() {
    TemplateExamples t = TemplateExamples.bundled();
    assertEquals(t.generate(10, 7), t.generate(10, 7));
    assertTrue(!t.generate(10, 7).equals(t.generate(10, 8)));
    TemplateExamples.HeldOut heldOut = t.heldOut(7);
    Set<String> dev = heldOut.dev();
    assertFalse(dev.isEmpty());
    assertFalse(heldOut.tune().isEmpty());
    assertTrue(java.util.Collections.disjoint(dev, heldOut.tune()), "a template is in dev or tuning, not both");
    Set<String> all = t.generate(3, 7).stream().map(LabeledText::stratum).collect(Collectors.toSet());
    assertTrue(all.containsAll(dev) && all.containsAll(heldOut.tune()));
    assertTrue(dev.size() + heldOut.tune().size() < all.size() / 2, "a quarter and a fifth of templates, not most");
  }

  @Test
  void undefinedSlotsAndUnknownCategoriesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TemplateExamples.parse("spam\tWin {nothing}!\n"));
    assertThrows(IllegalArgumentException.class, () -> TemplateExamples.parse("gore\tsomething\n"));
  }

  @Test
  void stratifiedSplitKeepsEachStratumsProportion() {
    List<LabeledText> examples = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      examples.add(new LabeledText("a" + i, Set.of(), "s", "big"));
    }
    for (int i = 0; i < 20; i++) {
      examples.add(new LabeledText("b" + i, Set.of(ModerationCategory.SPAM), "s", "small"));
    }
    List<LabeledText> train = new java.util.ArrayList<>();
    List<LabeledText> tune = new java.util.ArrayList<>();
    List<LabeledText> dev = new java.util.ArrayList<>();
    ModerationDataset.splitByStratum(examples, 0.15, 3, train, tune, dev);
    assertEquals(15, dev.stream().filter(e -> e.stratum().equals("big")).count());
    assertEquals(3, dev.stream().filter(e -> e.stratum().equals("small")).count());
    assertEquals(15, tune.stream().filter(e -> e.stratum().equals("big")).count());
    assertTrue(java.util.Collections.disjoint(dev, tune), "tuning and dev examples are distinct");
    assertEquals(120, train.size() + tune.size() + dev.size());
  }
}
