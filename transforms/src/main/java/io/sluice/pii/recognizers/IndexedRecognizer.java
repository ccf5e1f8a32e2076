package io.sluice.pii.recognizers;

import io.sluice.pii.Detection;
import io.sluice.pii.Recognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A recognizer that can read a {@link TextIndex} built once per text and shared with the others, so
 * the analyzer pays for one scan however many built-in recognizers run.
 */
public interface IndexedRecognizer extends Recognizer {

  /** Adds this recognizer's detections in {@code index.text()} to {@code out}. */
  void analyze(TextIndex index, List<Detection> out);

  @Override
  default List<Detection> analyze(String text) {
    List<Detection> out = new ArrayList<>();
    analyze(TextIndex.of(text), out);
    return out;
  }
}
