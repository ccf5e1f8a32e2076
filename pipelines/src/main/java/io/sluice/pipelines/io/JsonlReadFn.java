package io.sluice.pipelines.io;

import io.sluice.schemas.Document;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Reads a range of lines of a JSONL file: each line becomes a document or a dead letter; what cannot
 * be read of the range becomes one UNREADABLE_FILE dead letter.
 */
final class JsonlReadFn<T> extends DoFn<KV<ReadableFile, LineRange>, T> {
  private final ReadSettings settings;
  private final ReadOutputs<T> outputs;
  private transient StrictUtf8 utf8;
  private transient JsonlLineParser parser;

  JsonlReadFn(ReadSettings settings, ReadOutputs<T> outputs) {
    this.settings = settings;
    this.outputs = outputs;
  }

  @Setup
  public void setup() {
    utf8 = new StrictUtf8();
    parser = new JsonlLineParser(settings);
  }

  @ProcessElement
  public void process(@Element KV<ReadableFile, LineRange> split, MultiOutputReceiver out) {
    ReadableFile file = split.getKey();
    LineRange range = split.getValue();
    String name = file.getMetadata().resourceId().getFilename();
    long lineNumber = range.firstLine() - 1;
    try (InputStream in = Channels.newInputStream(open(file, range))) {
      BoundedLineReader lines =
          new BoundedLineReader(in, settings.maxDocBytes(), range.end() - range.start(), range.firstLine());
      for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
        lineNumber = line.number();
        emit(line, name + ":" + line.number(), out);
      }
    } catch (IOException e) {
      // Lines already emitted stay emitted; the rest of the file is one dead letter.
      outputs.deadLetter(out, DeadLetters.of(null, name + ":" + (lineNumber + 1), ReadOutputs.STAGE,
          ErrorKinds.UNREADABLE_FILE, "cannot read file: " + e.getClass().getSimpleName(), null));
    }
  }

  private static ReadableByteChannel open(ReadableFile file, LineRange range) throws IOException {
    if (range.start() == 0) {
      return file.open();
    }
    SeekableByteChannel channel = file.openSeekable();
    channel.position(range.start());
    return channel;
  }

  private void emit(BoundedLineReader.Line line, String source, MultiOutputReceiver out) {
    if (line.tooLarge()) {
      outputs.deadLetter(out, DeadLetters.ofBytes(null, source, ReadOutputs.STAGE, ErrorKinds.TOO_LARGE,
          "line of " + line.size() + " bytes exceeds --max-doc-bytes " + settings.maxDocBytes(),
          Arrays.copyOf(line.bytes(), line.length())));
      return;
    }
    Document document = line.controlFree() ? parser.parseObjectOfStrings(line.bytes(), line.length(), source) : null;
    if (document != null) {
      outputs.document(out, document);
      return;
    }
    String decoded;
    try {
      decoded = utf8.decode(line.bytes(), 0, line.length());
    } catch (CharacterCodingException e) {
      outputs.deadLetter(out, DeadLetters.ofBytes(null, source, ReadOutputs.STAGE, ErrorKinds.INVALID_UTF8,
          "line is not valid UTF-8", Arrays.copyOf(line.bytes(), line.length())));
      return;
    }
    if (decoded.isBlank()) {
      return; // Blank lines separate nothing in JSONL: they are not records, so they are not counted.
    }
    JsonlLineParser.Parsed parsed = parser.parse(decoded, source);
    if (parsed.document() != null) {
      outputs.document(out, parsed.document());
    } else {
      outputs.deadLetter(out, parsed.deadLetter());
    }
  }
}
