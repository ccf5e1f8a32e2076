package io.sluice.pipelines.io;

import io.sluice.schemas.Document;
import io.sluice.transforms.DeadLetters;
import io.sluice.transforms.ErrorKinds;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import org.apache.beam.sdk.io.FileIO.ReadableFile;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * Reads one text file as one document whose id is the file's path relative to the input folder. Too
 * large, empty, unreadable and non-UTF-8 files become dead letters.
 */
final class TextFileReadFn<T> extends DoFn<ReadableFile, T> {
  private final ReadSettings settings;
  private final String baseDirectory;
  private final ReadOutputs<T> outputs;
  private transient StrictUtf8 utf8;

  /** @param baseDirectory the folder ids are relative to, as Beam spells resource ids, ending in '/' */
  TextFileReadFn(ReadSettings settings, String baseDirectory, ReadOutputs<T> outputs) {
    this.settings = settings;
    this.baseDirectory = baseDirectory;
    this.outputs = outputs;
  }

  @Setup
  public void setup() {
    utf8 = new StrictUtf8();
  }

  @ProcessElement
  public void process(@Element ReadableFile file, MultiOutputReceiver out) {
    String id = relativeId(file.getMetadata().resourceId().toString());
    long size = file.getMetadata().sizeBytes();
    if (size > settings.maxDocBytes()) {
      outputs.deadLetter(out, DeadLetters.of(id, id, ReadOutputs.STAGE, ErrorKinds.TOO_LARGE,
          "file of " + size + " bytes exceeds --max-doc-bytes " + settings.maxDocBytes(), null));
      return;
    }
    byte[] bytes;
    try {
      bytes = file.readFullyAsBytes();
    } catch (IOException e) {
      outputs.deadLetter(out, DeadLetters.of(id, id, ReadOutputs.STAGE, ErrorKinds.UNREADABLE_FILE,
          "cannot read file: " + e.getClass().getSimpleName(), null));
      return;
    }
    String text;
    try {
      text = utf8.decode(bytes);
    } catch (CharacterCodingException e) {
      outputs.deadLetter(out, DeadLetters.ofBytes(id, id, ReadOutputs.STAGE, ErrorKinds.INVALID_UTF8,
          "file is not valid UTF-8", bytes));
      return;
    }
    if (text.isBlank()) {
      outputs.deadLetter(out, DeadLetters.of(id, id, ReadOutputs.STAGE, ErrorKinds.EMPTY_TEXT,
          "file is empty or whitespace only", text));
      return;
    }
    outputs.document(out, Document.newBuilder().setId(id).setText(text).setSource(id).build());
  }

  private String relativeId(String path) {
    return path.startsWith(baseDirectory) ? path.substring(baseDirectory.length()) : path;
  }
}
