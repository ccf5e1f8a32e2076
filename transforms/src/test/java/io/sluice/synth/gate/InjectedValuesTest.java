package io.sluice.synth.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.schemas.InjectedValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectedValuesTest {
  private static InjectedValue value(String type, String value) {
    return InjectedValue.newBuilder().setEntityType(type).setValue(value).build();
  }

  private final InjectedValues injected = new InjectedValues(List.of(
      value("PERSON", "Jane"), value("PERSON", "Doe"), value("STREET_ADDRESS", "12 Main Street, Springfield"),
      value("CREDIT_CARD", "4111 1111 1111 1111"), value("PHONE_NUMBER", "+1 (555) 010-2345")));

  @Test
  void findingsMadeOfInjectedValuesAreInjected() {
    assertTrue(injected.covers("JANE"));
    assertTrue(injected.covers("Jane Doe"));              // first and last name injected apart
    assertTrue(injected.covers("Springfield"));           // a place inside an injected address
    assertTrue(injected.covers("4111111111111111"));      // written without the injected spaces
    assertTrue(injected.covers("(555) 010-2345"));        // found without the country code
  }

  @Test
  void anythingElseIsALeak() {
    assertFalse(injected.covers("Janet"));
    assertFalse(injected.covers("Jane Smith"));
    assertFalse(injected.covers("4111 1111 1111 1112"));
    assertFalse(injected.covers("jane.doe@example.org"));  // "jane", "doe" injected, but "example", "org" not
    assertFalse(new InjectedValues(List.of()).covers("Jane"));
  }
}
