package io.sluice.models.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.models.ModelLoader;
import io.sluice.models.runtime.EncoderModel;
import io.sluice.models.runtime.ModelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny training run on receipts written here: the head must learn to tag the fields (loss falls) and find them
 * in a receipt it has not seen, with a shop, date and total it has not seen either.
 */
class SpanExtractionTrainingTest {
  private static final String SCHEMA = """
      {"type": "record", "name": "Receipt", "fields": [
        {"name": "company", "type": ["null", "string"], "doc": "the shop"},
        {"name": "date", "type": ["null", {"type": "int", "logicalType": "date"}], "doc": "purchase date"},
        {"name": "total", "type": ["null", "double"], "doc": "amount paid"}]}
      """;
  private static final String[] SHOPS = {"KEDAI RUNCIT AH HOCK", "MYDIN MART SRI MUDA", "SANYU STATIONERY SHOP",
      "LEMON TREE RESTAURANT", "PERNIAGAAN ZHENG HUI", "BOOK TA K (TAMAN DAYA) SDN BHD", "GARDENIA BAKERIES SDN BHD",
      "SUNFISH SEAFOOD CORNER", "TRIPLE SIX POINT ENTERPRISE", "ABC HO TRADING"};
  private static final String[] STREETS = {"NO 3, JALAN PERMAS 10/8", "LOT 26151 BANDAR SG LONG", "22 LRG PERUSAHAAN 4",
      "12 JALAN TAMPOI 7/4", "176 JLN SUNGEI BESI"};
  private static final String[] ITEMS = {"PLASTIC BAG", "MILO 1KG", "NASI LEMAK", "A4 PAPER", "TEH TARIK", "RICE 5KG"};

  /** One receipt: its text and the gold values of its fields. */
  static LabelledDocument receipt(int i) {
    String shop = SHOPS[i % SHOPS.length];
    String date = String.format("%02d/%02d/2018", 1 + (i * 7) % 28, 1 + (i * 5) % 12);
    StringBuilder text = new StringBuilder(shop + "\n" + STREETS[i % STREETS.length] + "\n81750 JOHOR BAHRU\n"
        + "TEL: 07-355 " + (2000 + i * 37) + "\nTAX INVOICE\nDATE: " + date + " " + (10 + i % 9) + ":2" + i % 10
        + ":11\nCASHIER: 0" + (1 + i % 8) + "\nDESCRIPTION QTY AMOUNT\n");
    int cents = 0;
    for (int k = 0; k < 2 + i % 3; k++) {
      int price = 150 + ((i * 31 + k * 97) % 2000);
      cents += price;
      text.append(ITEMS[(i + k) % ITEMS.length]).append("\n1\n").append(money(price)).append('\n');
    }
    int cash = (cents / 1000 + 1) * 1000;
    text.append("TOTAL: ").append(money(cents)).append("\nCASH: ").append(money(cash)).append("\nCHANGE: ")
        .append(money(cash - cents)).append("\nTHANK YOU, PLEASE COME AGAIN");
    return new LabelledDocument("r" + i, text.toString(), Map.of("company", shop, "date", date, "total", money(cents)));
  }

  private static String money(int cents) {
    return String.format("%d.%02d", cents / 100, cents % 100);
  }

  @Test
  void learnsToTagFieldsAndFindsThemInAnUnseenReceipt(@TempDir Path dir) throws Exception {
    Path schema = dir.resolve("receipt.avsc");
    Files.writeString(schema, SCHEMA);
    List<LabelledDocument> train = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      train.add(receipt(i));
    }
    Path model = dir.resolve("model");
    // one encoder load for training and extraction: the lease keeps the shared copy alive in between
    try (ModelCache.Lease<EncoderModel> held = ModelLoader.sharedEncoder(
        TrainSpanExtractor.encoderConfig(SpanFields.read(schema)).encoderSpec("cpu"), 0)) {
      trainAndExtract(schema, train, model);
    }
  }

  private static void trainAndExtract(Path schema, List<LabelledDocument> train, Path model) throws Exception {
    TrainSpanExtractor.Result result = TrainSpanExtractor.train(schema, train, model,
        new TrainSpanExtractor.Settings(40, 3e-3f, 2.0f, 7), null, m -> { });

    assertEquals(9, result.located().count("total", ValueLocator.Strategy.EXACT));
    assertTrue(result.epochLosses().get(result.epochLosses().size() - 1) < 0.3 * result.epochLosses().get(0),
        "loss should fall: " + result.epochLosses());

    LabelledDocument unseen = receipt(9); // ABC HO TRADING, a shop, date and total not in training
    try (SpanFieldExtractor extractor = SpanFieldExtractor.open(model)) {
      Map<String, List<String>> values = extractor.extract(List.of(unseen.text())).get(0);
      assertEquals(List.of("company", "date", "total"), extractor.fieldNames());
      assertEquals(unseen.fields().get("total"), values.get("total").get(0), values.toString());
      assertEquals(unseen.fields().get("date"), values.get("date").get(0), values.toString());
    }
  }
}
