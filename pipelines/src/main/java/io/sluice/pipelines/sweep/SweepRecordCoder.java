package io.sluice.pipelines.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;

/** The kind as one byte, then the record with the Avro coder of its class. */
final class SweepRecordCoder extends CustomCoder<SweepRecord> {
  private static final SweepOutput[] KINDS = SweepOutput.values();

  private final Map<SweepOutput, AvroCoder<SpecificRecordBase>> coders = new EnumMap<>(SweepOutput.class);

  @SuppressWarnings("unchecked")
  SweepRecordCoder() {
    for (SweepOutput kind : KINDS) {
      coders.put(kind, (AvroCoder<SpecificRecordBase>) AvroCoder.of(kind.type()));
    }
  }

  /** Every instance codes alike; Flink unions only collections whose coders are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SweepRecordCoder;
  }

  @Override
  public int hashCode() {
    return SweepRecordCoder.class.hashCode();
  }

  @Override
  public void encode(SweepRecord value, OutputStream out) throws IOException {
    out.write(value.kind().ordinal());
    coders.get(value.kind()).encode(value.record(), out);
  }

  @Override
  public SweepRecord decode(InputStream in) throws IOException {
    int ordinal = in.read();
    if (ordinal < 0 || ordinal >= KINDS.length) {
      throw new IOException("not a sweep record: kind byte " + ordinal);
    }
    SweepOutput kind = KINDS[ordinal];
    return new SweepRecord(kind, coders.get(kind).decode(in));
  }
}
