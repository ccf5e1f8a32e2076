package io.sluice.pii.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sluice.pii.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConflictResolverTest {

  private static Detection d(String entity, int start, int end, double score) {
    return new Detection(entity, start, end, score, "test");
  }

  @Test
  void higherScoreWinsAnOverlap() {
    Detection phone = d("PHONE_NUMBER", 0, 14, 0.4);
    Detection card = d("CREDIT_CARD", 5, 24, 1.0);
    assertEquals(List.of(card), ConflictResolver.resolve(List.of(phone, card)));
  }

  @Test
  void onEqualScoreTheLongerSpanWins() {
    Detection url = d("URL", 0, 25, 0.5);
    Detection domain = d("DOMAIN_NAME", 8, 19, 0.5);
    assertEquals(List.of(url), ConflictResolver.resolve(List.of(domain, url)));
  }

  @Test
  void onEqualScoreAndLengthTheEarlierStartWins() {
    Detection first = d("B", 0, 10, 0.5);
    Detection second = d("A", 5, 15, 0.5);
    assertEquals(List.of(first), ConflictResolver.resolve(List.of(second, first)));
  }

  @Test
  void onIdenticalSpansTheEntityNameDecides() {
    Detection bank = d("US_BANK_NUMBER", 3, 12, 0.05);
    Detection ssn = d("US_SSN", 3, 12, 0.05);
    assertEquals(List.of(bank), ConflictResolver.resolve(List.of(ssn, bank)));
  }

  @Test
  void touchingSpansBothStayAndOutputIsSortedByStart() {
    Detection a = d("A", 10, 20, 0.5);
    Detection b = d("B", 0, 10, 0.9);
    Detection c = d("C", 20, 30, 0.7);
    Detection loser = d("D", 15, 25, 0.6);
    assertEquals(List.of(b, a, c), ConflictResolver.resolve(List.of(a, loser, b, c)));
  }

  @Test
  void aLoserIsDroppedEvenWhenItWouldBridgeTwoWinners() {
    Detection left = d("A", 0, 5, 0.9);
    Detection right = d("A", 10, 15, 0.9);
    Detection bridge = d("B", 3, 12, 0.8);
    assertEquals(List.of(left, right), ConflictResolver.resolve(List.of(bridge, left, right)));
  }
}
