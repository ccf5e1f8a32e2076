package io.sluice.transforms;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import io.sluice.pii.RecognizerFactory;
import io.sluice.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A recognizer for tests that throws on texts containing a marker, as a broken model might. */
public class FailingRecognizerFactory implements RecognizerFactory {
  static final String MARKER = "TRIGGER-RECOGNIZER-FAILURE";

  @Override
  public String type() {
    return "test-failing";
  }

  @Override
  public Set<String> entities(Map<String, Object> settings) {
    return Set.of("PERSON");
  }

  @Override
  public void validate(Map<String, Object> settings) {}

  @Override
  public Recognizer create(Map<String, Object> settings, Policy policy) {
    return new Recognizer() {
      @Override
      public String name() {
        return "test-failing";
      }

      @Override
      public Set<String> supportedEntities() {
        return Set.of("PERSON");
      }

      @Override
      public List<Detection> analyze(String text) {
        if (text.contains(MARKER)) {
          throw new IllegalStateException("recognizer failed");
        }
        return List.of();
      }
    };
  }
}
