package io.sluice.synth.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.PayloadReader;
import io.sluice.synth.fields.AvroFields;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.CannotProvideCoderException;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * Per-field value distributions of the accepted records (summary.json's {@code fields}), as JSON: each record's
 * payload is decoded with the output schema; text and enum fields get top values, numbers min/max/mean and a
 * histogram, arrays the distribution of their lengths.
 */
public final class ProfileRecordsFn extends Combine.CombineFn<SynthRecord, ProfileRecordsFn.Profiles, String> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String schemaJson;
  private transient PayloadReader reader;
  private transient GenericRecord reuse;

  /** Field name to profile, in schema order. */
  public static final class Profiles extends LinkedHashMap<String, FieldProfile> {}

  public ProfileRecordsFn(String schemaJson) {
    this.schemaJson = schemaJson;
  }

  private PayloadReader reader() {
    if (reader == null) {
      reader = new PayloadReader(schemaJson);
    }
    return reader;
  }

  @Override
  public Profiles createAccumulator() {
    Profiles profiles = new Profiles();
    for (Schema.Field f : reader().schema().getFields()) {
      profiles.put(f.name(), switch (AvroFields.valueSchema(f.schema()).getType()) {
        case INT, LONG, ARRAY -> FieldProfile.numeric(true);
        case FLOAT, DOUBLE -> FieldProfile.numeric(false);
        default -> FieldProfile.text();
      });
    }
    return profiles;
  }

  @Override
  public Profiles addInput(Profiles profiles, SynthRecord record) {
    reuse = reader().read(record, reuse);
    for (Schema.Field f : reader.schema().getFields()) {
      Object value = reuse.get(f.pos());
      profiles.get(f.name()).add(value instanceof Collection<?> items ? (Object) items.size() : value);
    }
    return profiles;
  }

  @Override
  public Profiles mergeAccumulators(Iterable<Profiles> all) {
    Profiles merged = createAccumulator();
    for (Profiles profiles : all) {
      profiles.forEach((name, profile) -> merged.get(name).merge(profile));
    }
    return merged;
  }

  @Override
  public String extractOutput(Profiles profiles) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    profiles.forEach((name, profile) -> out.put(name, profile.describe()));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Coder<Profiles> getAccumulatorCoder(CoderRegistry registry, Coder<SynthRecord> inputCoder)
      throws CannotProvideCoderException {
    return SerializableCoder.of(Profiles.class);
  }

  @Override
  public Coder<String> getDefaultOutputCoder(CoderRegistry registry, Coder<SynthRecord> inputCoder) {
    return StringUtf8Coder.of();
  }
}
