package io.sluice.pii.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.pii.EntityTypes;
import io.sluice.policy.Policy;
import io.sluice.policy.Policy.EntityPolicy;
import io.sluice.policy.PolicyException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyzerTest {

  private static Policy policyWith(String... entities) {
    Policy policy = new Policy();
    for (String e : entities) {
      policy.entities.put(e, new EntityPolicy());
    }
    return policy;
  }

  private static EntityPolicy entity(Policy policy, String name) {
    return policy.entities.computeIfAbsent(name, k -> new EntityPolicy());
  }

  private static List<String> covered(Analyzer analyzer, String text) {
    return analyzer.analyze(text).stream().map(d -> d.entityType() + ":" + text.substring(d.start(), d.end())).toList();
  }

  @Test
  void reportsOnlyEntitiesThePolicyEnables() {
    Policy policy = policyWith(EntityTypes.EMAIL_ADDRESS, EntityTypes.CREDIT_CARD);
    entity(policy, EntityTypes.CREDIT_CARD).enabled = false;
    String text = "Mail bob@example.com, card 4111 1111 1111 1111, host 10.0.0.1.";
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of("EMAIL_ADDRESS:bob@example.com"), covered(analyzer, text));
      assertEquals(java.util.Set.of("EmailRecognizer"), analyzer.recognizerNames());
    }
  }

  @Test
  void supportedEntitiesListsEveryBuiltInPatternType() {
    assertEquals(16, Analyzer.supportedEntities().size());
    assertTrue(Analyzer.supportedEntities().contains(EntityTypes.UK_NHS));
    assertFalse(Analyzer.supportedEntities().contains(EntityTypes.PERSON));
  }

  @Test
  void contextWordsRaiseAScoreAboveTheThreshold() {
    try (Analyzer analyzer = Analyzer.fromPolicy(policyWith(EntityTypes.PHONE_NUMBER))) {
      // Base score 0.4 is below the default threshold 0.5; "call" within five words lifts it to 0.75.
      assertEquals(List.of(), analyzer.analyze("Reference (415) 555-2671 attached."));
      List<Detection> found = analyzer.analyze("Please call me at (415) 555-2671 tomorrow.");
      assertEquals(1, found.size());
      assertEquals(0.75, found.get(0).score(), 1e-9);
      // Too far away: more than five words between the context word and the number.
      assertEquals(List.of(), analyzer.analyze("Call. One two three four five six (415) 555-2671"));
      // After the match counts too.
      assertEquals(1, analyzer.analyze("(415) 555-2671 is my mobile").size());
      // Inflected forms count as the context word.
      assertEquals(1, analyzer.analyze("The customer called from (415) 555-2671").size());
    }
  }

  @Test
  void contextAppliesMinimumScoreAndPolicyContextWords() {
    Policy policy = policyWith(EntityTypes.US_PASSPORT);
    entity(policy, EntityTypes.US_PASSPORT).threshold = 0.4;
    entity(policy, EntityTypes.US_PASSPORT).context = List.of("Reisepass");
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of(), analyzer.analyze("number A12345678"));
      List<Detection> withPolicyWord = analyzer.analyze("Reisepass: A12345678");
      assertEquals(0.45, withPolicyWord.get(0).score(), 1e-9);
      // 0.05 + 0.35 = 0.40: the floor min_score_with_context (0.4) is what makes it pass.
      policy.context.minScoreWithContext = 0.42;
    }
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(0.42, analyzer.analyze("passport# 912345678").get(0).score(), 1e-9);
    }
  }

  @Test
  void multiWordContextPhrases() {
    Policy policy = policyWith(EntityTypes.US_SSN);
    entity(policy, EntityTypes.US_SSN).context = List.of("tax file");
    entity(policy, EntityTypes.US_SSN).threshold = 0.3;
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of(), analyzer.analyze("file 536221234 tax"));
      assertEquals(1, analyzer.analyze("the tax file 536221234").size());
    }
  }

  @Test
  void perEntityThresholdOverridesTheDefault() {
    Policy policy = policyWith(EntityTypes.DOMAIN_NAME, EntityTypes.EMAIL_ADDRESS);
    policy.defaultThreshold = 0.3;
    entity(policy, EntityTypes.DOMAIN_NAME).threshold = 0.9;
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of("EMAIL_ADDRESS:ops@corp.local"), covered(analyzer, "see example.com or ops@corp.local"));
    }
    policy.defaultThreshold = 0.6;
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of(), covered(analyzer, "see example.com or ops@corp.local"));
    }
  }

  @Test
  void denyListReportsWholeWordsInAnyCaseWithScoreOne() {
    Policy policy = policyWith();
    policy.denyList = Map.of("PROJECT", List.of("Blue Falcon", "Orion"));
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      String text = "Status of BLUE FALCON and orion; not Orionids.";
      List<Detection> found = analyzer.analyze(text);
      assertEquals(List.of("PROJECT:BLUE FALCON", "PROJECT:orion"), covered(analyzer, text));
      assertEquals(1.0, found.get(0).score());
      assertEquals("deny_list", found.get(0).detector());
    }
  }

  @Test
  void denyListForABuiltInEntityDoesNotSwitchItsRecognizerOn() {
    Policy policy = policyWith();
    policy.denyList = Map.of(EntityTypes.EMAIL_ADDRESS, List.of("ceo@example.com"));
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of("EMAIL_ADDRESS:ceo@example.com"), covered(analyzer, "ceo@example.com and bob@example.com"));
      assertEquals(java.util.Set.of("deny_list"), analyzer.recognizerNames());
    }
  }

  @Test
  void allowListDropsExactMatchesInAnyCase() {
    Policy policy = policyWith(EntityTypes.EMAIL_ADDRESS);
    policy.allowList = List.of("Support@Example.com");
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of("EMAIL_ADDRESS:bob@example.com"),
          covered(analyzer, "Write support@example.com, cc bob@example.com"));
    }
  }

  @Test
  void overlapsAreResolvedToDisjointSpans() {
    Policy policy = policyWith(EntityTypes.URL, EntityTypes.DOMAIN_NAME, EntityTypes.EMAIL_ADDRESS, EntityTypes.DATE_TIME);
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      String text = "Docs at https://docs.example.com/guide, by ann@example.com on Tue, 5 Mar 2024.";
      assertEquals(List.of("URL:https://docs.example.com/guide", "EMAIL_ADDRESS:ann@example.com",
          "DATE_TIME:Tue, 5 Mar 2024"), covered(analyzer, text));
    }
  }

  @Test
  void offsetsStayRightAfterEmoji() {
    String text = "😀🎉 Mail bob@example.com 👍 card 4111 1111 1111 1111";
    try (Analyzer analyzer = Analyzer.fromPolicy(policyWith(EntityTypes.EMAIL_ADDRESS, EntityTypes.CREDIT_CARD))) {
      List<Detection> found = analyzer.analyze(text);
      assertEquals(2, found.size());
      Detection email = found.get(0);
      assertEquals(text.indexOf("bob@"), email.start());
      assertEquals("bob@example.com", text.substring(email.start(), email.end()));
      CodePoints cp = new CodePoints(text);
      assertEquals(8, cp.toCodePoint(email.start()));
      assertEquals(23, cp.toCodePoint(email.end()));
      Detection card = found.get(1);
      assertEquals("4111 1111 1111 1111", text.substring(card.start(), card.end()));
      assertEquals(31, cp.toCodePoint(card.start()));
    }
  }

  @Test
  void customRegexRecognizerFromThePolicy() {
    Policy policy = policyWith();
    Policy.CustomRecognizerSpec spec = new Policy.CustomRecognizerSpec();
    spec.name = "employee_id";
    spec.entity = "EMPLOYEE_ID";
    Policy.PatternSpec pattern = new Policy.PatternSpec();
    pattern.name = "emp";
    pattern.regex = "\\bEMP-[0-9]{6}\\b";
    pattern.score = 0.45;
    spec.patterns.add(pattern);
    spec.context = List.of("Employee");
    policy.customRecognizers.add(spec);
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of(), analyzer.analyze("ref EMP-123456"));
      List<Detection> found = analyzer.analyze("employee EMP-123456 joined");
      assertEquals(1, found.size());
      assertEquals("employee_id", found.get(0).detector());
      assertEquals(0.8, found.get(0).score(), 1e-9);
    }
    entity(policy, "EMPLOYEE_ID").enabled = false;
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of(), analyzer.analyze("employee EMP-123456 joined"));
    }
  }

  @Test
  void invalidCustomRegexIsAPolicyError() {
    Policy policy = policyWith();
    Policy.CustomRecognizerSpec spec = new Policy.CustomRecognizerSpec();
    spec.name = "broken";
    spec.entity = "BROKEN";
    Policy.PatternSpec pattern = new Policy.PatternSpec();
    pattern.name = "p";
    pattern.regex = "([a-z";
    spec.patterns.add(pattern);
    policy.customRecognizers.add(spec);
    PolicyException e = assertThrows(PolicyException.class, () -> Analyzer.fromPolicy(policy));
    assertTrue(e.getMessage().contains("broken"));
  }

  @Test
  void pluggableRecognizerFoundByServiceLoaderGetsWholeBatches() {
    Policy policy = policyWith("CODENAME");
    policy.recognizers.put("codes", Map.of("type", "test-keyword", "keyword", "Nightjar", "entity", "CODENAME"));
    int closedBefore = KeywordRecognizerFactory.CLOSED.get();
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertTrue(analyzer.recognizerNames().contains("keyword:Nightjar"));
      List<List<Detection>> found = analyzer.analyzeAll(List.of("about Nightjar", "nothing", "Nightjar again"));
      assertEquals(3, found.size());
      assertEquals(1, found.get(0).size());
      assertEquals(0, found.get(1).size());
      assertEquals(6, found.get(0).get(0).start());
      assertEquals(0, found.get(2).get(0).start());
      assertTrue(KeywordRecognizerFactory.LARGEST_BATCH.get() >= 3);
    }
    assertEquals(closedBefore + 1, KeywordRecognizerFactory.CLOSED.get());
  }

  @Test
  void pluggableEntityNotEnabledIsNotReported() {
    Policy policy = policyWith(EntityTypes.EMAIL_ADDRESS);
    policy.recognizers.put("codes", Map.of("type", "test-keyword", "keyword", "Nightjar", "entity", "CODENAME"));
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of(), analyzer.analyze("about Nightjar"));
    }
  }

  @Test
  void unknownRecognizerTypeOrBadSettingsAreClearErrors() {
    Policy unknown = policyWith();
    unknown.recognizers.put("ner", Map.of("type", "no-such-type"));
    PolicyException e = assertThrows(PolicyException.class, () -> Analyzer.fromPolicy(unknown));
    assertTrue(e.getMessage().contains("no-such-type"));
    assertTrue(e.getMessage().contains("test-keyword"));

    Policy bad = policyWith();
    bad.recognizers.put("codes", Map.of("type", "test-keyword"));
    assertThrows(PolicyException.class, () -> Analyzer.fromPolicy(bad));
  }

  @Test
  void emptyPolicyKeysAndEmptyMatchesAreHandled() {
    Policy nullAllowList = policyWith(EntityTypes.EMAIL_ADDRESS);
    nullAllowList.allowList = null;
    PolicyException e = assertThrows(PolicyException.class, () -> Analyzer.fromPolicy(nullAllowList));
    assertTrue(e.getMessage().contains("allow_list"));

    Policy emptyMatch = policyWith();
    Policy.CustomRecognizerSpec spec = new Policy.CustomRecognizerSpec();
    spec.name = "optional";
    spec.entity = "THING";
    Policy.PatternSpec pattern = new Policy.PatternSpec();
    pattern.name = "maybe";
    pattern.regex = "x*";
    pattern.score = 0.9;
    spec.patterns.add(pattern);
    emptyMatch.customRecognizers.add(spec);
    try (Analyzer analyzer = Analyzer.fromPolicy(emptyMatch)) {
      assertEquals(List.of("THING:xx"), covered(analyzer, "a xx b"));
    }
  }

  @Test
  void withoutPhoneRegionsOnlyInternationalNumbersAreFound() {
    Policy policy = policyWith(EntityTypes.PHONE_NUMBER);
    policy.phoneRegions = List.of();
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      assertEquals(List.of("PHONE_NUMBER:+44 20 7946 0958"),
          covered(analyzer, "phone +44 20 7946 0958 or phone (415) 555-2671"));
    }
  }

  @Test
  void analyzeAllMatchesAnalyzeAndRejectsNullTexts() {
    Policy policy = policyWith(Analyzer.supportedEntities().toArray(new String[0]));
    try (Analyzer analyzer = Analyzer.fromPolicy(policy)) {
      List<String> texts = new BenchmarkCorpus(7).documents(9);
      List<List<Detection>> batch = analyzer.analyzeAll(texts);
      for (int i = 0; i < texts.size(); i++) {
        assertEquals(analyzer.analyze(texts.get(i)), batch.get(i));
        assertFalse(batch.get(i).isEmpty());
        for (int k = 1; k < batch.get(i).size(); k++) {
          assertTrue(batch.get(i).get(k - 1).end() <= batch.get(i).get(k).start(), "sorted and disjoint");
        }
      }
      assertThrows(NullPointerException.class, () -> analyzer.analyzeAll(java.util.Arrays.asList("a", null)));
      assertEquals(List.of(), analyzer.analyze(""));
    }
  }
}
