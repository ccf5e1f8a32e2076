package io.sluice.synth.gate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * The source index as a side input: its parameters and (id, signature) entries; the LSH table is rebuilt on
 * decoding (milliseconds for 10,000 documents), which keeps the encoding to about 0.5 KB per document.
 */
final class SourceIndexCoder extends AtomicCoder<SourceIndex> {
  private static final SourceIndexCoder INSTANCE = new SourceIndexCoder();
  private static final VarIntCoder INT = VarIntCoder.of();

  static SourceIndexCoder of() {
    return INSTANCE;
  }

  @Override
  public void encode(SourceIndex index, OutputStream out) throws IOException {
    MinHasher minHash = index.minHash();
    INT.encode(minHash.shingle(), out);
    INT.encode(minHash.permutations(), out);
    INT.encode(minHash.bands(), out);
    DoubleCoder.of().encode(index.threshold(), out);
    List<SourceIndex.Entry> entries = index.entries();
    INT.encode(entries.size(), out);
    for (SourceIndex.Entry entry : entries) {
      StringUtf8Coder.of().encode(entry.id(), out);
      IntArrayCoder.of().encode(entry.signature(), out);
    }
  }

  @Override
  public SourceIndex decode(InputStream in) throws IOException {
    MinHasher minHash = new MinHasher(INT.decode(in), INT.decode(in), INT.decode(in));
    double threshold = DoubleCoder.of().decode(in);
    int size = INT.decode(in);
    List<SourceIndex.Entry> entries = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      entries.add(new SourceIndex.Entry(StringUtf8Coder.of().decode(in), IntArrayCoder.of().decode(in)));
    }
    return new SourceIndex(minHash, threshold, entries);
  }
}
