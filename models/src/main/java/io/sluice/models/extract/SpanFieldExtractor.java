package io.sluice.models.extract;

import io.sluice.models.heads.LabeledSpan;
import io.sluice.models.ner.NerModel;
import io.sluice.models.runtime.ModelCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Span mode: a token-classification head on the embedded encoder tags each document with one BIO label pair per
 * schema field, and the tagged spans are the field values. A model directory (written by
 * {@link TrainSpanExtractor}) holds the head (config.json, labels.json, head.params: the same tagging-head format
 * as the PII NER model, with the schema's field names as entity types) and the schema it was trained for
 * ({@value #SCHEMA}). Documents longer than one encoder window are covered by overlapping windows.
 *
 * <p>Values per field: an array field gets every span tagged with it, in document order. A scalar field gets the
 * span the model is most confident of first (highest mean probability of the field's tags over the span's
 * words; ties keep document order), then the other spans in falling confidence, so a caller that reads the first
 * value gets the best one and one whose first value fails to normalise may try the next. When no span of a scalar
 * field reaches the model's entity threshold, its candidates are the spans decoded at half that threshold from
 * the same model pass (a scalar field is usually present once: its most probable candidate is a better answer
 * than none). A field with no span even then is absent.
 *
 * <p>The loaded model is shared by every extractor opened on the same directory in one JVM and freed with the last.
 */
public final class SpanFieldExtractor implements FieldExtractor {
  /** The schema file inside a model directory. */
  public static final String SCHEMA = "schema.avsc";

  private final ModelCache.Lease<NerModel> model;
  private final SpanFields fields;

  private SpanFieldExtractor(ModelCache.Lease<NerModel> model, SpanFields fields) {
    this.model = model;
    this.fields = fields;
  }

  /** The recipe a Beam transform carries: opens the model in {@code modelDir} on each worker (CPU). */
  public static FieldExtractorFactory factory(Path modelDir) {
    String dir = modelDir.toAbsolutePath().toString();
    return () -> open(Path.of(dir));
  }

  public static SpanFieldExtractor open(Path modelDir) throws IOException {
    Path schema = modelDir.resolve(SCHEMA);
    if (!Files.isRegularFile(schema)) {
      throw new IOException("span model directory " + modelDir + " lacks " + SCHEMA
          + " (write one with 'sluice train extract')");
    }
    SpanFields fields = SpanFields.read(schema);
    ModelCache.Lease<NerModel> lease;
    try {
      lease = NerModel.shared(modelDir, "cpu", 0);
    } catch (UncheckedIOException e) {
      throw new IOException("span model in " + modelDir + " could not be loaded: " + e.getCause().getMessage(),
          e.getCause());
    }
    if (!lease.get().entities().equals(fields.names())) {
      lease.close();
      throw new IOException("span model in " + modelDir + " tags " + lease.get().entities() + " but its schema has "
          + fields.names());
    }
    return new SpanFieldExtractor(lease, fields);
  }

  /** The fields this model extracts, in schema order. */
  public List<String> fieldNames() {
    return fields.names();
  }

  @Override
  public List<Map<String, List<String>>> extract(List<String> texts) {
    List<List<List<LabeledSpan>>> spans =
        model.get().predictWithFallback(texts, model.get().config().entityThreshold() / 2);
    List<Map<String, List<String>>> out = new ArrayList<>(texts.size());
    for (int t = 0; t < texts.size(); t++) {
      out.add(values(texts.get(t), spans.get(t).get(0), spans.get(t).get(1)));
    }
    return out;
  }

  private Map<String, List<String>> values(String text, List<LabeledSpan> spans, List<LabeledSpan> fallback) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (SpanFields.Field f : fields.fields()) {
      List<LabeledSpan> mine = labelled(spans, f.name());
      if (mine.isEmpty() && !f.repeated()) {
        mine = labelled(fallback, f.name());
      }
      if (mine.isEmpty()) {
        continue;
      }
      if (!f.repeated()) {
        mine.sort(Comparator.comparingDouble((LabeledSpan s) -> s.score()).reversed());
      }
      out.put(f.name(), mine.stream().map(s -> codePoints(text, s.start(), s.end())).toList());
    }
    return out;
  }

  private static List<LabeledSpan> labelled(List<LabeledSpan> spans, String field) {
    return new ArrayList<>(spans.stream().filter(s -> s.label().equals(field)).toList());
  }

  private static String codePoints(String text, int start, int end) {
    int from = text.offsetByCodePoints(0, start);
    return text.substring(from, text.offsetByCodePoints(from, end - start));
  }

  @Override
  public void close() {
    model.close();
  }
}
