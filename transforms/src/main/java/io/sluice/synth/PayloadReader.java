package io.sluice.synth;

import io.sluice.schemas.SynthRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/** Decodes {@link SynthRecord} payloads with the spec's output schema, reusing its decoder (one per thread). */
public final class PayloadReader {
  private final Schema schema;
  private final GenericDatumReader<GenericRecord> reader;
  private BinaryDecoder decoder;

  public PayloadReader(String schemaJson) {
    this.schema = new Schema.Parser().parse(schemaJson);
    this.reader = new GenericDatumReader<>(schema);
  }

  public Schema schema() {
    return schema;
  }

  /** A new record (callers may keep it). */
  public GenericRecord read(SynthRecord record) {
    return read(record, null);
  }

  /** The record decoded into {@code reuse} where it can be (callers must not keep it). */
  public GenericRecord read(SynthRecord record, GenericRecord reuse) {
    ByteBuffer payload = record.getPayload();
    decoder = DecoderFactory.get().binaryDecoder(payload.array(), payload.arrayOffset() + payload.position(),
        payload.remaining(), decoder);
    try {
      return reader.read(reuse, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException("record " + record.getId() + " does not decode with the output schema", e);
    }
  }
}
