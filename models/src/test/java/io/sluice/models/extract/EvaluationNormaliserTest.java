package io.sluice.models.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EvaluationNormaliserTest {
  @Test
  void amountsDropCurrencyAndSeparators() {
    assertEquals("1234.5", EvaluationNormaliser.normalise("RM 1,234.50", SpanFields.Kind.AMOUNT));
    assertEquals("8.2", EvaluationNormaliser.normalise("$8.20", SpanFields.Kind.AMOUNT));
    assertEquals("31", EvaluationNormaliser.normalise("31.00", SpanFields.Kind.AMOUNT));
  }

  @Test
  void datesInCommonFormatsBecomeIso() {
    assertEquals("2019-01-09", EvaluationNormaliser.normalise("09/01/2019", SpanFields.Kind.DATE));
    assertEquals("2019-01-09", EvaluationNormaliser.normalise("9-1-19", SpanFields.Kind.DATE));
    assertEquals("2018-04-02", EvaluationNormaliser.normalise("02 APR 2018", SpanFields.Kind.DATE));
    assertEquals("2018-04-02", EvaluationNormaliser.normalise("DATE: 02-Apr-2018 18:31", SpanFields.Kind.DATE));
  }

  @Test
  void textIsTrimmedFoldedAndCaseFolded() {
    assertEquals("abc ho trading", EvaluationNormaliser.normalise("  ABC HO\nTRADING ", SpanFields.Kind.TEXT));
    assertEquals("no date here", EvaluationNormaliser.normalise("No date here", SpanFields.Kind.DATE));
  }
}
