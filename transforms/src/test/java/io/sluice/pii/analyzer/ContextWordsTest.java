package io.sluice.pii.analyzer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContextWordsTest {

  private final ContextWords context = new ContextWords(List.of("phone", "x", "Social Security"));

  @Test
  void passesWordsWhoseFormsMayBeAContextWord() {
    assertTrue(may("Phoned"), "inflected: the form 'phone' starts like the word");
    assertTrue(may("X#"), "the form 'x' without '#'");
    assertTrue(may("x"));
    assertTrue(may("SOCIAL"), "a phrase's first word");
    assertTrue(may("été"), "non-ASCII: lower-casing is left to the full check");
  }

  @Test
  void stopsWordsNoFormOfWhichCanBeOne() {
    assertFalse(may("the"));
    assertFalse(may("telephone"), "context words match whole words, not their ends");
    assertFalse(may("y"));
    assertFalse(may("xy"), "a one-char form needs a one-char word or a trailing '#'");
  }

  private boolean may(String word) {
    String text = "(" + word + ")";
    return context.mayMatchFormOf(text, 1, 1 + word.length());
  }
}
