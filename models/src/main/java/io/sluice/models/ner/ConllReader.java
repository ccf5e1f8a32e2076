package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads CoNLL files ({@code token ... tag} per line, tag in the last column, blank lines between sentences;
 * BIO or IO tags) into sentences whose text is the tokens joined by single spaces, with entity spans in code
 * points. Source tags are renamed by {@code typeMap}; a tag it maps to null is treated as outside.
 */
public final class ConllReader {
  private ConllReader() {}

  public static List<GoldDocument> read(Path file, Function<String, String> typeMap) throws IOException {
    List<GoldDocument> out = new ArrayList<>();
    String name = file.getFileName().toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Sentence current = new Sentence();
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          current.finish(name + ":" + number, out);
          current = new Sentence();
          continue;
        }
        if (trimmed.startsWith("-DOCSTART-")) {
          continue;
        }
        String[] cols = trimmed.split("\\s+");
        if (cols.length < 2) {
          throw new IOException(name + " line " + number + " has no tag column");
        }
        String type = bareType(cols[cols.length - 1]);
        current.add(cols[0], type == null ? null : typeMap.apply(type), cols[cols.length - 1].startsWith("B-"));
      }
      current.finish(name + ":" + number, out);
    }
    return out;
  }

  /** "B-person" -> "person", "I-ORG" -> "ORG", "O" -> null. */
  private static String bareType(String tag) {
    if (tag.equals("O")) {
      return null;
    }
    return tag.length() > 2 && tag.charAt(1) == '-' ? tag.substring(2) : tag;
  }

  /** Accumulates one sentence's text and spans while its lines are read. */
  private static final class Sentence {
    private final StringBuilder text = new StringBuilder();
    private final List<EntitySpan> spans = new ArrayList<>();
    private int codePoints;
    private String openType;
    private int openStart;
    private int openEnd;

    void add(String token, String type, boolean begins) {
      if (codePoints > 0) {
        text.append(' ');
        codePoints++;
      }
      int start = codePoints;
      text.append(token);
      codePoints += token.codePointCount(0, token.length());
      if (openType != null && (type == null || !type.equals(openType) || begins)) {
        close();
      }
      if (type != null) {
        if (openType == null) {
          openType = type;
          openStart = start;
        }
        openEnd = codePoints;
      }
    }

    private void close() {
      spans.add(new EntitySpan(openType, openStart, openEnd));
      openType = null;
    }

    void finish(String id, List<GoldDocument> out) {
      if (openType != null) {
        close();
      }
      if (codePoints > 0) {
        out.add(new GoldDocument(id, text.toString(), spans));
      }
    }
  }
}
