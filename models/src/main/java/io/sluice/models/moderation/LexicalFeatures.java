package io.sluice.models.moderation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hashed word and character n-gram features of a text, TF-IDF style: what the moderation head's lexical path
 * reads next to the sentence embedding. Word unigrams and bigrams hash into the first half of the buckets,
 * character 3- to 5-grams of each word (with boundary marks, so "fags" and "fag" share "<fa", "fag") into the
 * second. The word half also holds shape terms for what spam is written with and words and grams miss: a run
 * of digits by its length (an 11-digit premium-rate number, a 5-digit short code), a currency sign ("£900" is
 * otherwise the bare word "900") and a word in capitals ("WINNER", "URGENT"), which lower-casing erases. A
 * bucket's value is (1 + ln count) * idf, each half L2-normalised and scaled by 1/sqrt(2), so a text has unit
 * norm and neither half outweighs the other. The idf vector is learned on the training texts and shipped with
 * the head; hashing needs no vocabulary file.
 */
public final class LexicalFeatures {
  private static final Pattern URL = Pattern.compile("https?://\\S+|www\\.\\S+", Pattern.CASE_INSENSITIVE);
  private static final Pattern MENTION = Pattern.compile("@\\w+");
  private static final Pattern ENTITY = Pattern.compile("&#?\\w+;");
  /** Three or more of a letter count as two: "biiitch" and "biitch" are the same word. */
  private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d+");
  private static final Pattern CURRENCY = Pattern.compile("\\p{Sc}");
  private static final Pattern CAPITALS_WORD = Pattern.compile("\\b\\p{Lu}{2,}\\b");
  /** Digit runs this long or longer share one shape: phone numbers, whatever their exact length. */
  private static final int LONGEST_DIGIT_SHAPE = 12;
  private static final int MIN_GRAM = 3;
  private static final int MAX_GRAM = 5;

  private final float[] idf;

  /** Non-zero buckets of one text, ascending, and their values. */
  public record Sparse(int[] indices, float[] values) {}

  /** No features: what a head without a lexical path reads. */
  public static final Sparse NONE = new Sparse(new int[0], new float[0]);

  public LexicalFeatures(float[] idf) {
    if (idf.length < 2 || idf.length % 2 != 0) {
      throw new IllegalArgumentException("lexical features need an even, positive number of buckets");
    }
    this.idf = idf.clone();
  }

  /** Smoothed idf per bucket, ln((1 + n) / (1 + df)) + 1, from the training texts. */
  public static LexicalFeatures fit(List<String> texts, int buckets) {
    int[] df = new int[buckets];
    for (String t : texts) {
      for (int b : distinct(hashedTerms(t, buckets))) {
        df[b]++;
      }
    }
    float[] idf = new float[buckets];
    for (int b = 0; b < buckets; b++) {
      idf[b] = (float) (Math.log((1.0 + texts.size()) / (1.0 + df[b])) + 1);
    }
    return new LexicalFeatures(idf);
  }

  public int buckets() {
    return idf.length;
  }

  public float[] idf() {
    return idf.clone();
  }

  public Sparse of(String text) {
    int[] terms = hashedTerms(text, idf.length);
    Arrays.sort(terms);
    int[] indices = new int[terms.length];
    float[] values = new float[terms.length];
    int n = 0;
    for (int i = 0; i < terms.length; ) {
      int j = i;
      while (j < terms.length && terms[j] == terms[i]) {
        j++;
      }
      indices[n] = terms[i];
      values[n] = (float) ((1 + Math.log(j - i)) * idf[terms[i]]);
      n++;
      i = j;
    }
    normaliseHalves(indices, values, n, idf.length / 2);
    return new Sparse(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
  }

  /** Lower case, URLs and user mentions replaced by placeholders, HTML entities dropped, elongations cut. */
  static String normalise(String text) {
    String s = withoutMarkup(text).toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", "");
    return ELONGATION.matcher(s).replaceAll("$1$1");
  }

  /**
   * URLs and user mentions replaced by placeholders and HTML entities dropped, case kept: neither the digits of
   * an emoji entity ("&#128514;") nor those of a link or a handle make shape terms.
   */
  private static String withoutMarkup(String text) {
    String s = URL.matcher(text).replaceAll(" url ");
    s = MENTION.matcher(s).replaceAll(" user ");
    return ENTITY.matcher(s).replaceAll(" ");
  }

  /** One bucket id per term occurrence. */
  static int[] hashedTerms(String text, int buckets) {
    int half = buckets / 2;
    String[] words = NON_WORD.split(normalise(text).trim());
    if (words.length == 1 && words[0].isEmpty()) {
      return new int[0];
    }
    Terms out = new Terms(words.length * 16);
    addShapes(withoutMarkup(text), out, half);
    for (int i = 0; i < words.length; i++) {
      out.add(bucket("w " + words[i], 0, half));
      if (i + 1 < words.length) {
        out.add(bucket("b " + words[i] + " " + words[i + 1], 0, half));
      }
      String marked = "<" + words[i] + ">";
      for (int len = MIN_GRAM; len <= MAX_GRAM; len++) {
        for (int start = 0; start + len <= marked.length(); start++) {
          out.add(bucket("c " + marked.substring(start, start + len), half, half));
        }
      }
    }
    return out.toArray();
  }

  /** Shape terms of the text before lower-casing, into the word half. */
  private static void addShapes(String text, Terms out, int half) {
    Matcher digits = DIGIT_RUN.matcher(text);
    while (digits.find()) {
      out.add(bucket("s digits " + Math.min(LONGEST_DIGIT_SHAPE, digits.end() - digits.start()), 0, half));
    }
    Matcher currency = CURRENCY.matcher(text);
    while (currency.find()) {
      out.add(bucket("s currency", 0, half));
    }
    Matcher capitals = CAPITALS_WORD.matcher(text);
    while (capitals.find()) {
      out.add(bucket("s capitals", 0, half));
    }
  }

  /** A growable int array. */
  private static final class Terms {
    private int[] ids;
    private int n;

    Terms(int capacity) {
      ids = new int[Math.max(16, capacity)];
    }

    void add(int id) {
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = id;
    }

    int[] toArray() {
      return Arrays.copyOf(ids, n);
    }
  }

  /** String.hashCode is specified, so buckets are stable across JVMs; the mix spreads its low bits. */
  private static int bucket(String term, int offset, int size) {
    int h = term.hashCode() * 0x9E3779B9;
    h ^= h >>> 16;
    return offset + Math.floorMod(h, size);
  }

  private static int[] distinct(int[] terms) {
    return Arrays.stream(terms).distinct().toArray();
  }

  private static void normaliseHalves(int[] indices, float[] values, int n, int half) {
    double[] norm = new double[2];
    for (int i = 0; i < n; i++) {
      norm[indices[i] < half ? 0 : 1] += values[i] * values[i];
    }
    for (int i = 0; i < n; i++) {
      double blockNorm = Math.sqrt(norm[indices[i] < half ? 0 : 1]);
      values[i] = (float) (values[i] / blockNorm / Math.sqrt(2));
    }
  }
}
