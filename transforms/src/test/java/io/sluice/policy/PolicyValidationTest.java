package io.sluice.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.Recognizer;
import io.sluice.pii.RecognizerFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each structural mistake fails with a message giving the YAML path and what to do. */
class PolicyValidationTest {

  /** A factory as a model recognizer jar would provide; only its validation side is exercised here. */
  private static final RecognizerFactory NER = new RecognizerFactory() {
    @Override
    public String type() {
      return "slm-ner";
    }

    @Override
    public Set<String> entities(Map<String, Object> settings) {
      return Set.of("PERSON", "MEDICAL_TERM");
    }

    @Override
    public void validate(Map<String, Object> settings) {
      if (!settings.containsKey("model")) {
        throw new PolicyException("model: missing; name a model directory");
      }
    }

    @Override
    public Recognizer create(Map<String, Object> settings, Policy policy) {
      throw new UnsupportedOperationException("validation tests never build recognizers");
    }
  };

  private static Policy parse(String yaml) {
    return PolicyLoader.parse(yaml, "test.yaml", Map.of(NER.type(), NER));
  }

  /** The message of the failure {@code yaml} causes; fails the test when it loads. */
  private static String error(String yaml) {
    return assertThrows(PolicyException.class, () -> parse(yaml)).getMessage();
  }

  private static void assertMentions(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "expected '" + part + "' in: " + message);
    }
  }

  @Test
  void aMinimalPolicyLoadsWithDefaults() {
    Policy policy = parse("name: tiny\nentities:\n  EMAIL_ADDRESS:\n");
    assertEquals("tiny", policy.name);
    assertTrue(policy.entities.get("EMAIL_ADDRESS").enabled);
    assertEquals("replace", policy.defaultOperator.type);
  }

  @Test
  void emptySectionsReadAsEmpty() {
    Policy policy = parse("entities:\nallow_list:\nkeys:\nrecognizers:\ncontext:\ndefault_operator:\n");
    assertTrue(policy.entities.isEmpty() && policy.allowList.isEmpty() && policy.keys.isEmpty());
    assertEquals(5, policy.context.windowWords);
    assertEquals("replace", policy.defaultOperator.type);
  }

  @Test
  void unknownTopLevelKeyListsTheValidOnes() {
    assertMentions(error("name: x\nentites: {}\n"), "unknown key 'entites'", "did you mean entities?",
        "valid keys here:", "allow_list", "custom_recognizers", "line 2");
  }

  @Test
  void unknownNestedKeyGivesItsPath() {
    assertMentions(error("entities:\n  CREDIT_CARD:\n    operator: {type: mask, chars_to_msk: 4}\n"),
        "entities.CREDIT_CARD.operator.chars_to_msk", "did you mean chars_to_mask?", "masking_char");
  }

  @Test
  void wrongValueTypeGivesItsPath() {
    assertMentions(error("default_threshold: high\n"), "wrong value at default_threshold");
  }

  @Test
  void yamlSyntaxErrorsAndDuplicateKeysAreReported() {
    assertMentions(error("name: x\n  indented: wrongly\n"), "not valid YAML", "line 2");
    assertMentions(error("name: a\nname: b\n"), "name");
  }

  @Test
  void emptyPolicyIsRejected() {
    assertMentions(error(""), "is empty");
  }

  @Test
  void missingFileIsReported(@TempDir Path dir) {
    String message = assertThrows(PolicyException.class, () -> PolicyLoader.load(dir.resolve("nope.yaml"))).getMessage();
    assertMentions(message, "policy file not found", "nope.yaml");
  }

  @Test
  void unknownEntitySuggestsTheNearestName() {
    assertMentions(error("entities:\n  EMAIL_ADRESS: {}\n"), "entities.EMAIL_ADRESS: unknown entity",
        "did you mean EMAIL_ADDRESS?");
  }

  @Test
  void entitiesDeclaredByCustomOrPluggableRecognizersAreKnown() {
    Policy policy = parse("""
        entities:
          MEDICAL_TERM: {}
          EMPLOYEE_ID: {}
        custom_recognizers:
          - {name: emp, entity: EMPLOYEE_ID, patterns: [{name: p, regex: 'EMP-\\d{6}', score: 0.6}]}
        recognizers:
          ner: {type: slm-ner, model: /models/ner}
        """);
    assertEquals(Set.of("MEDICAL_TERM", "EMPLOYEE_ID"), policy.entities.keySet());
  }

  @Test
  void thresholdsOutsideZeroToOneAreRejected() {
    assertMentions(error("default_threshold: 1.5\n"), "default_threshold: 1.5 is outside [0, 1]");
    assertMentions(error("entities:\n  URL: {threshold: -0.1}\n"), "entities.URL.threshold: -0.1 is outside");
    assertMentions(error("context: {similarity_factor: 2}\n"), "context.similarity_factor");
  }

  @Test
  void badRegexNamesThePatternAndTheRegexError() {
    String message = error("""
        entities: {EMPLOYEE_ID: {}}
        custom_recognizers:
          - name: emp
            entity: EMPLOYEE_ID
            patterns: [{name: emp_prefixed, regex: 'EMP-(\\d{6}', score: 0.6}]
        """);
    assertMentions(message, "custom_recognizers[0].patterns[0] ('emp_prefixed').regex", "invalid Java regex",
        "Unclosed group");
  }

  @Test
  void regexMatchingTheEmptyStringIsRejected() {
    assertMentions(error("""
        entities: {EMPLOYEE_ID: {}}
        custom_recognizers:
          - {name: emp, entity: EMPLOYEE_ID, patterns: [{name: p, regex: '\\d*'}]}
        """), "matches the empty string");
  }

  @Test
  void customRecognizerMistakesAreReported() {
    String message = error("""
        custom_recognizers:
          - {name: emp, entity: employee-id, patterns: []}
          - {name: emp, entity: BADGE_ID, patterns: [{regex: 'B\\d+', score: 3}]}
        """);
    assertMentions(message, "custom_recognizers[0].entity: 'employee-id' is not an entity name",
        "custom_recognizers[0].patterns: empty", "custom_recognizers[1].name: 'emp' is used by another",
        "custom_recognizers[1].entity: BADGE_ID is not listed under entities",
        "custom_recognizers[1].patterns[0].name: missing", "custom_recognizers[1].patterns[0].score: 3.0");
  }

  @Test
  void unknownOperatorTypeListsTheValidOnes() {
    assertMentions(error("entities:\n  URL: {operator: {type: hide}}\n"), "entities.URL.operator.type: unknown operator 'hide'",
        "redact, replace, mask, hash, surrogate, keep");
    assertMentions(error("default_operator: {type: reddact}\n"), "did you mean redact?");
    assertMentions(error("default_operator: {new_value: x}\n"), "default_operator.type: missing");
  }

  @Test
  void badMaskSettingsAreRejected() {
    assertMentions(error("default_operator: {type: mask, masking_char: '**'}\n"),
        "default_operator.masking_char: must be exactly one character");
    assertMentions(error("default_operator: {type: mask, chars_to_mask: 0}\n"), "default_operator.chars_to_mask: 0");
  }

  @Test
  void keyedOperatorsMustNameADeclaredKey() {
    assertMentions(error("default_operator: {type: hash}\n"), "default_operator.key: hash needs a secret",
        "none is declared");
    assertMentions(error("""
        entities: {EMAIL_ADDRESS: {operator: {type: surrogate, key: pseudonim}}}
        keys: {pseudonym: {env: SLUICE_HMAC_KEY}}
        """), "entities.EMAIL_ADDRESS.operator.key: 'pseudonim' is not declared under keys",
        "did you mean pseudonym?");
  }

  @Test
  void keySourcesNeedExactlyOneOfEnvOrFile() {
    assertMentions(error("keys: {k: {env: A_KEY, file: /run/secrets/k}}\n"), "keys.k: set exactly one of env");
    assertMentions(error("keys: {k: {}}\n"), "keys.k: set exactly one of env");
    assertMentions(error("keys: {k: {env: '0123456789abcdef-secret!'}}\n"), "keys.k.env:", "not its value");
  }

  @Test
  void structureValidationNeedsNoKeyPresent() {
    Policy policy = parse("default_operator: {type: hash, key: k}\nkeys: {k: {env: SURELY_UNSET_SLUICE_VAR}}\n");
    assertEquals("k", policy.defaultOperator.key);
  }

  @Test
  void unknownPhoneRegionSuggestsAndExplains() {
    assertMentions(error("phone_regions: [US, UK]\n"), "phone_regions[1]: unknown region 'UK' (the United Kingdom is GB)",
        "ISO 3166 alpha-2");
    assertMentions(error("phone_regions: [us]\n"), "did you mean US?");
  }

  @Test
  void recognizerEntriesNeedAKnownTypeAndValidSettings() {
    assertMentions(error("recognizers:\n  ner: {model: x}\n"), "recognizers.ner.type: missing",
        "Available types: slm-ner");
    assertMentions(error("recognizers:\n  ner: {type: slm-nre}\n"), "recognizers.ner.type: unknown type 'slm-nre'",
        "did you mean slm-ner?", "Available types: slm-ner");
    assertMentions(error("recognizers:\n  ner: {type: slm-ner}\n"), "recognizers.ner: model: missing");
    String none = assertThrows(PolicyException.class,
        () -> PolicyLoader.parse("recognizers:\n  ner: {type: slm-ner}\n", "t.yaml", Map.of())).getMessage();
    assertMentions(none, "none is on the classpath");
  }

  @Test
  void denyListEntitiesMustBeKnownAndListed() {
    assertMentions(error("deny_list: {ORGANISATION: [Initech]}\n"), "deny_list.ORGANISATION: unknown entity",
        "did you mean ORGANIZATION?");
    assertMentions(error("deny_list: {ORGANIZATION: [Initech]}\n"),
        "deny_list.ORGANIZATION: ORGANIZATION is not listed under entities");
    assertMentions(error("entities: {ORGANIZATION: {}}\ndeny_list: {ORGANIZATION: ['']}\n"), "non-empty strings");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String message = error("default_threshold: 3\nphone_regions: [XX]\nentities: {FOO_BAR: {}}\n");
    assertMentions(message, "has 3 problems", "default_threshold", "phone_regions[0]", "entities.FOO_BAR");
  }
}
