package io.sluice.synth.gate;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;

/** MinHash signatures between steps: a length and fixed-width ints, nothing else (Java serialization would triple it). */
final class IntArrayCoder extends AtomicCoder<int[]> {
  private static final IntArrayCoder INSTANCE = new IntArrayCoder();

  static IntArrayCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(int[] value, OutputStream out) throws IOException {
    DataOutputStream data = new DataOutputStream(out);
    data.writeInt(value.length);
    for (int v : value) {
      data.writeInt(v);
    }
    data.flush();
  }

  @Override
  public int[] decode(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int[] value = new int[data.readInt()];
    for (int i = 0; i < value.length; i++) {
      value[i] = data.readInt();
    }
    return value;
  }

  @Override
  public void verifyDeterministic() {}
}
