package io.sluice.synth.gate;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** Blocks of hashes between steps, as {@link IntArrayCoder} writes signatures: the length, then one block of bytes. */
final class LongArrayCoder extends AtomicCoder<long[]> {
  private static final LongArrayCoder INSTANCE = new LongArrayCoder();

  static LongArrayCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(long[] value, OutputStream out) throws IOException {
    VarIntCoder.of().encode(value.length, out);
    ByteBuffer bytes = ByteBuffer.allocate(value.length * Long.BYTES);
    bytes.asLongBuffer().put(value);
    out.write(bytes.array());
  }

  @Override
  public long[] decode(InputStream in) throws IOException {
    int length = VarIntCoder.of().decode(in);
    byte[] bytes = new byte[length * Long.BYTES];
    new DataInputStream(in).readFully(bytes);
    long[] value = new long[length];
    ByteBuffer.wrap(bytes).asLongBuffer().get(value);
    return value;
  }

  @Override
  public void verifyDeterministic() {}
}
