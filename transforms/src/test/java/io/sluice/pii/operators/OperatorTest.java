package io.sluice.pii.operators;

import static io.sluice.pii.operators.Policies.apply;
import static io.sluice.pii.operators.Policies.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.policy.Policy;
import io.sluice.policy.Policy.OperatorSpec;
import org.junit.jupiter.api.Test;

class OperatorTest {

  private static String run(OperatorSpec spec, String entity, String value) {
    return apply(Policies.anonymizer(Policies.with(spec, entity), Policies.ENV), entity, value);
  }

  @Test
  void redactRemovesTheValue() {
    assertEquals("", run(spec("redact"), "EMAIL_ADDRESS", "jane@example.org"));
  }

  @Test
  void replaceWritesTheEntityTypeOrTheGivenValue() {
    assertEquals("<EMAIL_ADDRESS>", run(spec("replace"), "EMAIL_ADDRESS", "jane@example.org"));
    OperatorSpec fixed = spec("replace");
    fixed.newValue = "[email]";
    assertEquals("[email]", run(fixed, "EMAIL_ADDRESS", "jane@example.org"));
  }

  @Test
  void keepLeavesTheValue() {
    assertEquals("jane@example.org", run(spec("keep"), "EMAIL_ADDRESS", "jane@example.org"));
  }

  @Test
  void maskWithoutCountMasksEveryLetterAndDigitButKeepsSeparators() {
    assertEquals("****@*******.***", run(spec("mask"), "EMAIL_ADDRESS", "jane@example.org"));
  }

  @Test
  void maskCountsOnlyLettersAndDigitsFromTheStart() {
    OperatorSpec mask = spec("mask");
    mask.charsToMask = 12;
    assertEquals("****-****-****-1234", run(mask, "CREDIT_CARD", "4111-1111-1111-1234"));
    assertEquals("************1234", run(mask, "CREDIT_CARD", "4111111111111234"));
  }

  @Test
  void maskFromEndWithAnotherCharacter() {
    OperatorSpec mask = spec("mask");
    mask.charsToMask = 4;
    mask.fromEnd = true;
    mask.maskingChar = "#";
    assertEquals("123-45-####", run(mask, "US_SSN", "123-45-6789"));
  }

  @Test
  void maskCountingMoreThanTheValueMasksAllOfIt() {
    OperatorSpec mask = spec("mask");
    mask.charsToMask = 50;
    assertEquals("***", run(mask, "AGE", "42y"));
  }

  @Test
  void maskWithAnEmojiWritesWholeCodePoints() {
    OperatorSpec mask = spec("mask");
    mask.maskingChar = "🔒";
    String masked = run(mask, "AGE", "a42");
    assertEquals("🔒🔒🔒", masked);
    assertEquals(3, masked.codePointCount(0, masked.length()));
  }

  @Test
  void hashIsAShortKeyedPseudonymNamingTheEntity() {
    String pseudonym = run(spec("hash"), "PERSON", "Jane Doe");
    assertTrue(pseudonym.matches("<PERSON_[0-9a-f]{12}>"), pseudonym);
    assertTrue(!pseudonym.toLowerCase().contains("jane"));
  }

  @Test
  void hashIsStableAcrossInstancesWithOneKeyAndDiffersWithAnother() {
    Policy policy = Policies.with(spec("hash"), "EMAIL_ADDRESS");
    Anonymizer first = Policies.anonymizer(policy, Policies.ENV);
    Anonymizer second = Policies.anonymizer(policy, Policies.ENV);
    Anonymizer otherKey = Policies.anonymizer(policy, Policies.OTHER_ENV);
    String value = "jane.doe@example.org";
    assertEquals(apply(first, "EMAIL_ADDRESS", value), apply(second, "EMAIL_ADDRESS", value));
    assertNotEquals(apply(first, "EMAIL_ADDRESS", value), apply(otherKey, "EMAIL_ADDRESS", value));
  }

  @Test
  void hashIsTheSameForOneValueWrittenDifferentlyAndDiffersBetweenValues() {
    Policy policy = Policies.with(spec("hash"), "EMAIL_ADDRESS", "CREDIT_CARD", "US_BANK_NUMBER");
    Anonymizer anonymizer = Policies.anonymizer(policy, Policies.ENV);
    assertEquals(apply(anonymizer, "EMAIL_ADDRESS", "Jane.Doe@Example.org"),
        apply(anonymizer, "EMAIL_ADDRESS", "jane.doe@example.org"));
    assertEquals(apply(anonymizer, "CREDIT_CARD", "4111 1111 1111 1111"),
        apply(anonymizer, "CREDIT_CARD", "4111-1111-1111-1111"));
    assertNotEquals(apply(anonymizer, "EMAIL_ADDRESS", "jane.doe@example.org"),
        apply(anonymizer, "EMAIL_ADDRESS", "john.doe@example.org"));
    // The same digits as two different entities are two different things.
    assertNotEquals(apply(anonymizer, "CREDIT_CARD", "4111111111111111").substring("<CREDIT_CARD_".length()),
        apply(anonymizer, "US_BANK_NUMBER", "4111111111111111").substring("<US_BANK_NUMBER_".length()));
  }

  @Test
  void entitiesWithoutAnOperatorUseTheDefaultOperator() {
    Policy policy = Policies.with(spec("redact"), "EMAIL_ADDRESS");
    policy.defaultOperator = spec("mask");
    Anonymizer anonymizer = Anonymizer.fromPolicy(policy, KeyRing.empty());
    assertEquals("redact", anonymizer.operatorFor("EMAIL_ADDRESS"));
    assertEquals("**", apply(anonymizer, "AGE", "42"));
  }
}
