package io.sluice.synth;

import io.sluice.schemas.InjectedValue;
import io.sluice.schemas.SynthRecord;
import io.sluice.synth.fields.AvroFields;
import io.sluice.synth.fields.FieldGenerator;
import io.sluice.synth.fields.FieldSpec;
import io.sluice.synth.fields.GeneratorContext;
import io.sluice.synth.fields.TemplateText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

/**
 * Builds record {@code i} of a plan: each field from a {@link Random} reseeded from (spec seed, i, field), so the
 * record depends on nothing else. One instance per DoFn instance (not thread-safe); the Faker and the Avro
 * encoder are reused across records.
 */
public final class RecordFactory {
  private final RecordPlan plan;
  private final Schema schema;
  private final Random random = new Random();
  private final GeneratorContext context;
  private final GenericDatumWriter<GenericRecord> writer;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
  private BinaryEncoder encoder;
  private long recordSeed;

  public RecordFactory(RecordPlan plan) {
    this.plan = plan;
    this.schema = new Schema.Parser().parse(plan.schemaJson());
    this.context = new GeneratorContext(random, new Faker(Locale.ENGLISH, random), new HashMap<>());
    this.writer = new GenericDatumWriter<>(schema);
  }

  public Schema schema() {
    return schema;
  }

  /** Generates every field of record {@code index} (the SLM's output field is left to the model, null). */
  public GenericRecord record(long index) {
    context.startRecord(index);
    recordSeed = RecordSeeds.of(plan.seed(), index);
    GenericData.Record record = new GenericData.Record(schema);
    for (Schema.Field f : schema.getFields()) {
      if (f.hasDefaultValue()) {
        record.put(f.pos(), GenericData.get().deepCopy(f.schema(), GenericData.get().getDefaultValue(f)));
      }
    }
    List<FieldSpec> fields = plan.fields();
    for (int i = 0; i < fields.size(); i++) {
      FieldSpec spec = fields.get(i);
      Schema.Field field = schema.getField(spec.name());
      random.setSeed(RecordSeeds.ofField(recordSeed, i));
      if (spec.nullRate() > 0 && random.nextDouble() < spec.nullRate()) {
        record.put(field.pos(), null);
        context.put(spec.name(), null);
        continue;
      }
      Object generated = spec.generator().generate(context);
      Object value = AvroFields.convert(spec, field.schema(), generated);
      record.put(field.pos(), value);
      // templates keep their spans for a spans field; everything else is read as written
      context.put(spec.name(), generated instanceof TemplateText ? generated : value);
    }
    return record;
  }

  /** Evaluates an extra generator (an SLM prompt) over the record last built, from its own seed stream. */
  public Object evaluate(FieldGenerator generator) {
    random.setSeed(RecordSeeds.ofField(recordSeed, plan.fields().size()));
    return generator.generate(context);
  }

  /** The record as it travels to the gate: Avro bytes, the text to scan, and the values injected on purpose. */
  public SynthRecord toSynthRecord(long index, GenericRecord record) {
    List<InjectedValue> injected = new ArrayList<>();
    for (FieldSpec spec : plan.fields()) {
      Object value = record.get(spec.name());
      if (spec.entityType() != null && value != null) {
        injected.add(new InjectedValue(spec.entityType(), value.toString()));
      }
    }
    StringBuilder text = new StringBuilder();
    for (Schema.Field f : schema.getFields()) {
      Object value = record.get(f.pos());
      if (value != null && AvroFields.valueSchema(f.schema()).getType() == Schema.Type.STRING) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(value);
      }
    }
    return SynthRecord.newBuilder()
        .setIndex(index)
        .setId(plan.id(index))
        .setPayload(ByteBuffer.wrap(encode(record)))
        .setText(text.toString())
        .setInjected(injected)
        .build();
  }

  private byte[] encode(GenericRecord record) {
    bytes.reset();
    encoder = EncoderFactory.get().directBinaryEncoder(bytes, encoder);
    try {
      writer.write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
