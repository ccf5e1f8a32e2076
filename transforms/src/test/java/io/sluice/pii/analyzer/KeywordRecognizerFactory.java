package io.sluice.pii.analyzer;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import io.sluice.pii.RecognizerFactory;
import io.sluice.policy.Policy;
import io.sluice.policy.PolicyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pluggable recognizer type for tests, registered in META-INF/services: finds one keyword and
 * records the batch sizes it is called with, so tests can see that the analyzer batches.
 */
public class KeywordRecognizerFactory implements RecognizerFactory {

  static final AtomicInteger LARGEST_BATCH = new AtomicInteger();
  static final AtomicInteger CLOSED = new AtomicInteger();

  @Override
  public String type() {
    return "test-keyword";
  }

  @Override
  public Set<String> entities(Map<String, Object> settings) {
    return Set.of(String.valueOf(settings.get("entity")));
  }

  @Override
  public void validate(Map<String, Object> settings) {
    if (!(settings.get("keyword") instanceof String) || !(settings.get("entity") instanceof String)) {
      throw new PolicyException("test-keyword needs 'keyword' and 'entity'");
    }
  }

  @Override
  public Recognizer create(Map<String, Object> settings, Policy policy) {
    String keyword = (String) settings.get("keyword");
    String entity = (String) settings.get("entity");
    return new Recognizer() {
      @Override
      public String name() {
        return "keyword:" + keyword;
      }

      @Override
      public Set<String> supportedEntities() {
        return Set.of(entity);
      }

      @Override
      public List<Detection> analyze(String text) {
        List<Detection> out = new ArrayList<>();
        for (int i = text.indexOf(keyword); i >= 0; i = text.indexOf(keyword, i + 1)) {
          out.add(new Detection(entity, i, i + keyword.length(), 0.9, name()));
        }
        return out;
      }

      @Override
      public List<List<Detection>> analyzeAll(List<String> texts) {
        LARGEST_BATCH.accumulateAndGet(texts.size(), Math::max);
        return Recognizer.super.analyzeAll(texts);
      }

      @Override
      public void close() {
        CLOSED.incrementAndGet();
      }
    };
  }
}
