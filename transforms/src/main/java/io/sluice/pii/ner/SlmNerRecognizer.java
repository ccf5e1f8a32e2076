package io.sluice.pii.ner;

import io.sluice.models.heads.LabeledSpan;
import io.sluice.models.ner.NerModel;
import io.sluice.models.runtime.ModelCache;
import io.sluice.pii.CodePoints;
import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names, places, organisations and street addresses found by the PII NER model. {@link #analyzeAll} sends a
 * bundle's texts through the model together (the runtime windows long texts and batches windows by token
 * budget); spans come back in code points and are converted to the char offsets of {@link Detection}. The
 * model is shared per JVM through the runtime's model cache.
 */
final class SlmNerRecognizer implements Recognizer {
  static final String NAME = "slm-ner";

  private final SlmNerSettings settings;
  private final ModelCache.Lease<NerModel> model;

  SlmNerRecognizer(SlmNerSettings settings, ModelCache.Lease<NerModel> model) {
    this.settings = settings;
    this.model = model;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> supportedEntities() {
    return Set.copyOf(settings.entities());
  }

  @Override
  public List<Detection> analyze(String text) {
    return analyzeAll(List.of(text)).get(0);
  }

  @Override
  public List<List<Detection>> analyzeAll(List<String> texts) {
    List<List<Detection>> out = new ArrayList<>(texts.size());
    for (int from = 0; from < texts.size(); from += settings.textsPerCall()) {
      List<String> chunk = texts.subList(from, Math.min(texts.size(), from + settings.textsPerCall()));
      List<List<LabeledSpan>> spans = model.get().predict(chunk);
      for (int i = 0; i < chunk.size(); i++) {
        out.add(detections(chunk.get(i), spans.get(i)));
      }
    }
    return out;
  }

  private List<Detection> detections(String text, List<LabeledSpan> spans) {
    List<Detection> out = new ArrayList<>();
    CodePoints cp = null;
    for (LabeledSpan s : spans) {
      if (!settings.entities().contains(s.label()) || s.score() < settings.threshold(s.label()) || s.end() <= s.start()) {
        continue;
      }
      if (cp == null) {
        cp = new CodePoints(text);
      }
      out.add(new Detection(s.label(), cp.toChar(s.start()), cp.toChar(s.end()), Math.min(1.0, s.score()), NAME));
    }
    return out;
  }

  @Override
  public void close() {
    model.close();
  }
}
