package io.sluice.synth.gate;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * MinHash signatures between steps: the length, then the ints as one block of bytes (Java serialization would
 * triple the size, and writing int by int costs a stream call per byte).
 */
final class IntArrayCoder extends AtomicCoder<int[]> {
  private static final IntArrayCoder INSTANCE = new IntArrayCoder();

  static IntArrayCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(int[] value, OutputStream out) throws IOException {
    VarIntCoder.of().encode(value.length, out);
    ByteBuffer bytes = ByteBuffer.allocate(value.length * Integer.BYTES);
    bytes.asIntBuffer().put(value);
    out.write(bytes.array());
  }

  @Override
  public int[] decode(InputStream in) throws IOException {
    int length = VarIntCoder.of().decode(in);
    byte[] bytes = new byte[length * Integer.BYTES];
    new DataInputStream(in).readFully(bytes);
    int[] value = new int[length];
    ByteBuffer.wrap(bytes).asIntBuffer().get(value);
    return value;
  }

  @Override
  public void verifyDeterministic() {}
}
