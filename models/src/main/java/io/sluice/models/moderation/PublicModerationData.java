package io.sluice.models.moderation;

import static io.sluice.models.moderation.ModerationCategory.HATE;
import static io.sluice.models.moderation.ModerationCategory.SPAM;
import static io.sluice.models.moderation.ModerationCategory.TOXICITY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the public labelled sets under {@code <data>/moderation} and maps their labels onto our categories.
 * The mapping (also in the model card):
 * <ul>
 *   <li>Davidson et al. 2017 tweets, majority class: 0 hate speech -> hate + toxicity; 1 offensive -> toxicity;
 *       2 neither -> no category. The stratum is the original class, so dev splits keep its proportions.</li>
 *   <li>ToxiGen statements: hate -> hate + toxicity (hate is always toxic in our scheme); neutral -> none.</li>
 *   <li>SMS Spam Collection (train part): spam -> spam; ham -> none.</li>
 * </ul>
 * Rows that cannot be read are counted, never fatal.
 */
public final class PublicModerationData {
  public static final String DAVIDSON = "moderation/davidson_labeled_data.csv";
  public static final String TOXIGEN = "moderation/toxigen_statements.tsv";
  public static final String SMS_SPAM = "moderation/sms_spam_train.tsv";
  /** The source name of the SMS examples, which the spam target is measured on. */
  public static final String SMS = "sms";

  /** Davidson's own classes, kept as strata so evaluation can map predictions back onto them. */
  public static final String DAVIDSON_HATE = "davidson:hate";
  public static final String DAVIDSON_OFFENSIVE = "davidson:offensive";
  public static final String DAVIDSON_NEITHER = "davidson:neither";

  private PublicModerationData() {}

  public record Loaded(List<LabeledText> examples, int skippedRows) {}

  public static Loaded davidson(Path dataDir) throws IOException {
    List<List<String>> rows = CsvRows.parse(Files.readString(dataDir.resolve(DAVIDSON), StandardCharsets.UTF_8));
    List<LabeledText> out = new ArrayList<>();
    int skipped = 0;
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() != 7 || row.get(6).isBlank()) {
        skipped++;
        continue;
      }
      String text = row.get(6);
      switch (row.get(5).trim()) {
        case "0" -> out.add(new LabeledText(text, EnumSet.of(HATE, TOXICITY), "davidson", DAVIDSON_HATE));
        case "1" -> out.add(new LabeledText(text, EnumSet.of(TOXICITY), "davidson", DAVIDSON_OFFENSIVE));
        case "2" -> out.add(new LabeledText(text, Set.of(), "davidson", DAVIDSON_NEITHER));
        default -> skipped++;
      }
    }
    return new Loaded(out, skipped);
  }

  public static Loaded toxigen(Path dataDir) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    int skipped = 0;
    List<String> lines = Files.readAllLines(dataDir.resolve(TOXIGEN), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", 3);
      if (f.length != 3 || f[2].isBlank()) {
        skipped++;
        continue;
      }
      switch (f[0].trim()) {
        case "hate" -> out.add(new LabeledText(f[2], EnumSet.of(HATE, TOXICITY), "toxigen", "toxigen:hate"));
        case "neutral" -> out.add(new LabeledText(f[2], Set.of(), "toxigen", "toxigen:neutral"));
        default -> skipped++;
      }
    }
    return new Loaded(out, skipped);
  }

  public static Loaded smsSpam(Path dataDir) throws IOException {
    List<LabeledText> out = new ArrayList<>();
    int skipped = 0;
    for (String line : Files.readAllLines(dataDir.resolve(SMS_SPAM), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", 2);
      if (f.length != 2 || f[1].isBlank()) {
        skipped++;
        continue;
      }
      switch (f[0].trim()) {
        case "spam" -> out.add(new LabeledText(f[1], EnumSet.of(SPAM), SMS, "sms:spam"));
        case "ham" -> out.add(new LabeledText(f[1], Set.of(), SMS, "sms:ham"));
        default -> skipped++;
      }
    }
    return new Loaded(out, skipped);
  }
}
