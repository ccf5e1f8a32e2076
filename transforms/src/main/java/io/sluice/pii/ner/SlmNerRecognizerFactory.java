package io.sluice.pii.ner;

import io.sluice.models.ner.NerModel;
import io.sluice.pii.Recognizer;
import io.sluice.pii.RecognizerFactory;
import io.sluice.policy.Policy;
import java.util.Map;
import java.util.Set;

/** The {@code slm-ner} recognizer type: the PII NER model (shipped default or a trained directory). */
public final class SlmNerRecognizerFactory implements RecognizerFactory {
  @Override
  public String type() {
    return SlmNerRecognizer.NAME;
  }

  @Override
  public Set<String> entities(Map<String, Object> settings) {
    return Set.copyOf(SlmNerSettings.parse(settings).entities());
  }

  @Override
  public void validate(Map<String, Object> settings) {
    SlmNerSettings.parse(settings);
  }

  @Override
  public Recognizer create(Map<String, Object> settings, Policy policy) {
    SlmNerSettings s = SlmNerSettings.parse(settings);
    return new SlmNerRecognizer(s, NerModel.shared(s.modelDir(), s.device(), 0));
  }
}
