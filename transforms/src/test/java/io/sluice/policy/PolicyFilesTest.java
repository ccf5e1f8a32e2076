package io.sluice.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.Detection;
import io.sluice.pii.operators.Anonymizer;
import io.sluice.pii.operators.KeyRing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped policies load, validate, and do what their comments say. */
class PolicyFilesTest {
  /** Surefire runs in the module directory; the canonical files are in the reactor's conf/. */
  private static final Path POLICIES = Path.of("..", "conf", "policies");
  private static final Set<String> BUILT_IN_PATTERN_ENTITIES = Set.of("EMAIL_ADDRESS", "PHONE_NUMBER",
      "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "URL", "DOMAIN_NAME", "MAC_ADDRESS", "CRYPTO",
      "DATE_TIME", "US_PASSPORT", "US_DRIVER_LICENSE", "US_BANK_NUMBER", "US_ITIN", "UK_NHS");

  @Test
  void defaultPolicyIsOnTheClasspathAndEqualsTheFileInConf() {
    Policy builtIn = PolicyLoader.defaultPolicy();
    Policy file = PolicyLoader.load(POLICIES.resolve("default.yaml"));
    assertEquals("default", builtIn.name);
    assertEquals(file.entities.keySet(), builtIn.entities.keySet());
  }

  @Test
  void defaultPolicyEnablesEveryBuiltInPatternEntityAndNeedsNoKey() {
    Policy policy = PolicyLoader.defaultPolicy();
    for (String entity : BUILT_IN_PATTERN_ENTITIES) {
      assertTrue(policy.entities.containsKey(entity) && policy.entities.get(entity).enabled, entity);
    }
    KeyRing keys = KeyRing.resolve(policy, Map.of());
    assertEquals(Set.of(), keys.names());
    Anonymizer anonymizer = Anonymizer.fromPolicy(policy, keys);
    String text = "card 4111-1111-1111-1234 ssn 123-45-6789 id EMP-004211";
    String out = anonymizer.anonymize(text, List.of(new Detection("CREDIT_CARD", 5, 24, 1, "t"),
        new Detection("US_SSN", 29, 40, 1, "t"), new Detection("EMPLOYEE_ID", 44, 54, 1, "t"))).text();
    assertEquals("card ****-****-****-1234 ssn ***-**-6789 id <EMPLOYEE>", out);
  }

  @Test
  void defaultPolicyHasTheDocumentedExamples() {
    Policy policy = PolicyLoader.defaultPolicy();
    assertTrue(policy.allowList.contains("support@example.com"));
    assertTrue(policy.denyList.get("ORGANIZATION").contains("Initech"));
    assertEquals("EMPLOYEE_ID", policy.customRecognizers.get(0).entity);
    assertEquals("slm-ner", policy.recognizers.get("ner").get("type")); // the NER recognizer is on by default
    assertTrue(policy.keys.isEmpty());
  }

  @Test
  void pseudonymizePolicyNeedsItsKeyAndThenPseudonymizes() {
    Policy policy = PolicyLoader.load(POLICIES.resolve("pseudonymize.yaml"));
    PolicyException missing = assertThrows(PolicyException.class, () -> KeyRing.resolve(policy, Map.of()));
    assertTrue(missing.getMessage().contains("export SLUICE_HMAC_KEY=$(openssl rand -hex 32)"), missing.getMessage());
    KeyRing keys = KeyRing.resolve(policy, Map.of("SLUICE_HMAC_KEY", "9f8e7d6c5b4a39281706f5e4d3c2b1a0"));
    Anonymizer anonymizer = Anonymizer.fromPolicy(policy, keys);
    assertEquals("hash", anonymizer.operatorFor("EMAIL_ADDRESS"));
    assertEquals("surrogate", anonymizer.operatorFor("CREDIT_CARD"));
    // URL is listed with nothing under it: enabled, with the default operator.
    assertNull(policy.entities.get("URL").operator);
    assertEquals("hash", anonymizer.operatorFor("URL"));
  }
}
