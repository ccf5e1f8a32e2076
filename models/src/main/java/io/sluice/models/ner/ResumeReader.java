package io.sluice.models.ner;

import io.sluice.models.eval.EntitySpan;
import io.sluice.models.eval.GoldDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads the annotated CV archive (one .xml per CV: text with inline {@code <label type="...">...</label>}
 * markup) into documents with code-point spans. Label types are renamed by {@code typeMap}; types it maps to
 * null are kept as plain text. Entries are returned in name order, so a seeded sample of them is reproducible.
 */
public final class ResumeReader {
  private static final Pattern TAG = Pattern.compile("<label type=\"([^\"]*)\">|</label>|<\\?xml[^>]*\\?>|</?cv>");

  private ResumeReader() {}

  public static List<GoldDocument> read(Path zip, Function<String, String> typeMap) throws IOException {
    List<GoldDocument> out = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      List<? extends ZipEntry> entries = z.stream()
          .filter(e -> !e.isDirectory() && e.getName().endsWith(".xml"))
          .sorted(java.util.Comparator.comparing(ZipEntry::getName)).toList();
      for (ZipEntry e : entries) {
        String xml = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        out.add(parse(e.getName(), xml, typeMap));
      }
    }
    return out;
  }

  static GoldDocument parse(String id, String xml, Function<String, String> typeMap) {
    StringBuilder text = new StringBuilder();
    List<EntitySpan> spans = new ArrayList<>();
    Deque<Object[]> open = new ArrayDeque<>();
    int codePoints = 0;
    Matcher m = TAG.matcher(xml);
    int last = 0;
    while (m.find()) {
      String plain = unescape(xml.substring(last, m.start()));
      text.append(plain);
      codePoints += plain.codePointCount(0, plain.length());
      last = m.end();
      if (m.group(1) != null) {
        open.push(new Object[] {typeMap.apply(m.group(1)), codePoints});
      } else if (m.group().equals("</label>") && !open.isEmpty()) {
        Object[] o = open.pop();
        int start = (Integer) o[1];
        // only outermost labels become spans: nested markup would give overlapping gold
        if (o[0] != null && open.isEmpty() && codePoints > start) {
          EntitySpan span = trim(text.toString(), (String) o[0], start, codePoints);
          if (span != null) {
            spans.add(span);
          }
        }
      }
    }
    String tail = unescape(xml.substring(last));
    text.append(tail);
    return new GoldDocument(id, text.toString(), spans);
  }

  /**
   * Annotators often include surrounding spaces in a label: spans start and end on visible characters.
   * Null when the label holds only whitespace.
   */
  private static EntitySpan trim(String text, String type, int start, int end) {
    int[] cps = text.codePoints().toArray();
    while (start < end && Character.isWhitespace(cps[start])) {
      start++;
    }
    while (end > start && Character.isWhitespace(cps[end - 1])) {
      end--;
    }
    return end > start ? new EntitySpan(type, start, end) : null;
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&");
  }
}
