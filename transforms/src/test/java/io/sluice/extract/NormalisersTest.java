package io.sluice.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class NormalisersTest {
  private static FieldSpec field(FieldKind kind) {
    return new FieldSpec("f", "", kind, false, false, kind == FieldKind.ENUM ? List.of("CASH", "CREDIT_CARD")
        : List.of(), kind == FieldKind.DECIMAL ? 10 : 0, kind == FieldKind.DECIMAL ? 2 : 0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"25/12/2018", "25-12-18", "Dec 25 2018", "25 DEC 2018", "2018.12.25", "2018-12-25",
      "2018/12/25", "25.12.2018", "12/25/2018", "December 25, 2018", "25th December 2018", "25-Dec-2018",
      "Tue, 25 Dec 2018 10:31", "Date: 25/12/2018 3:45PM", "20181225", "2018 Dec 25", "dec. 25, 2018", "25 12 2018"})
  void datesInCommonFormatsAreIso(String raw) {
    assertEquals(LocalDate.of(2018, 12, 25), DateNormaliser.parse(raw));
  }

  @Test
  void ambiguousNumericDatesAreDayFirstAndTwoDigitYearsFollowPosix() {
    assertEquals(LocalDate.of(2018, 4, 3), DateNormaliser.parse("03/04/2018"));
    assertEquals(LocalDate.of(2069, 4, 3), DateNormaliser.parse("03/04/69"));
    assertEquals(LocalDate.of(1970, 4, 3), DateNormaliser.parse("3.4.70"));
    assertEquals(LocalDate.of(2020, 2, 29), DateNormaliser.parse("29 feb 2020"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "no date here", "31/02/2018", "2018-13-45", "29 feb 2019", "Smarch 3 2018", "12:30"})
  void impossibleOrMissingDatesFail(String raw) {
    assertThrows(NotNormalisable.class, () -> DateNormaliser.parse(raw));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"RM 1,234.50|1234.50", "$12|12", "12,50 EUR|12.50", "1.234,50 €|1234.50",
      "1 234,50|1234.50", "Total: RM12.00|12.00", "-12.5|-12.5", "1,234,567|1234567", "0.125|0.125",
      "1'000.25 CHF|1000.25", "USD 9.99 incl. tax|9.99"})
  void amountsIgnoreCurrenciesAndThousandsSeparators(String raw, String expected) {
    assertEquals(new BigDecimal(expected), NumberText.parse(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RM", "n/a", "1.2.3"})
  void textWithoutANumberFails(String raw) {
    assertThrows(NotNormalisable.class, () -> NumberText.parse(raw));
  }

  @Test
  void everyKindNormalisesToItsCanonicalValue() {
    assertEquals("ACME Sdn Bhd", FieldNormaliser.normalise(field(FieldKind.STRING), "  ACME Sdn Bhd "));
    assertEquals(1234, FieldNormaliser.normalise(field(FieldKind.INT), "1,234"));
    assertEquals(5_000_000_000L, FieldNormaliser.normalise(field(FieldKind.LONG), "5 000 000 000"));
    assertEquals(12.5, FieldNormaliser.normalise(field(FieldKind.DOUBLE), "12,5 kg"));
    assertEquals(true, FieldNormaliser.normalise(field(FieldKind.BOOLEAN), " YES "));
    assertEquals(false, FieldNormaliser.normalise(field(FieldKind.BOOLEAN), "False"));
    assertEquals("CREDIT_CARD", FieldNormaliser.normalise(field(FieldKind.ENUM), "credit card"));
    assertEquals("CASH", FieldNormaliser.normalise(field(FieldKind.ENUM), " cash"));
    assertEquals(LocalDate.of(2018, 12, 25), FieldNormaliser.normalise(field(FieldKind.DATE), "25 DEC 2018"));
    assertEquals(new BigDecimal("12.50"), FieldNormaliser.normalise(field(FieldKind.DECIMAL), "RM 12.5"));
    assertEquals(new BigDecimal("1234.00"), FieldNormaliser.normalise(field(FieldKind.DECIMAL), "$1,234"));
  }

  @Test
  void valuesThatDoNotFitTheTypeFailWithoutQuotingThem() {
    NotNormalisable e = assertThrows(NotNormalisable.class,
        () -> FieldNormaliser.normalise(field(FieldKind.INT), "12.5 secret"));
    assertFalse(e.getMessage().contains("secret"));
    assertThrows(NotNormalisable.class, () -> FieldNormaliser.normalise(field(FieldKind.INT), "9999999999"));
    assertThrows(NotNormalisable.class, () -> FieldNormaliser.normalise(field(FieldKind.BOOLEAN), "maybe"));
    assertThrows(NotNormalisable.class, () -> FieldNormaliser.normalise(field(FieldKind.ENUM), "cheque"));
    assertThrows(NotNormalisable.class, () -> FieldNormaliser.normalise(field(FieldKind.DECIMAL), "12.3456"));
    assertThrows(NotNormalisable.class, () -> FieldNormaliser.normalise(field(FieldKind.DECIMAL), "123456789012"));
    assertThrows(NotNormalisable.class, () -> FieldNormaliser.normalise(field(FieldKind.STRING), "   "));
  }
}
