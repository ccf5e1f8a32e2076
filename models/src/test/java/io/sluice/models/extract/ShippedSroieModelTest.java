package io.sluice.models.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SROIE example model in conf/ loads and reads a receipt we wrote ourselves (in the style of SROIE's OCR). */
class ShippedSroieModelTest {
  static final Path MODEL = Path.of("..", "conf", "extract", "sroie", "model");

  private static final String RECEIPT = String.join("\n",
      "KEDAI RUNCIT SRI MAJU SDN BHD",
      "(1234567-X)",
      "NO 18",
      "TAMAN MELATI INDAH",
      "53100 KUALA LUMPUR",
      "TEL: 03-4108 2291",
      "GST ID: 001234567890",
      "TAX INVOICE",
      "INVOICE NO: CS00081234",
      "DATE: 14/03/2018 12:41:07 PM",
      "CASHIER: AMIRA",
      "DESCRIPTION",
      "QTY",
      "AMOUNT",
      "MILO 1KG",
      "1",
      "17.90",
      "GARDENIA BREAD",
      "2",
      "7.60",
      "TOTAL SALES (INCLUSIVE GST)",
      "25.50",
      "TOTAL :",
      "25.50",
      "CASH",
      "50.00",
      "CHANGE",
      "24.50",
      "THANK YOU. PLEASE COME AGAIN.");

  @Test
  void extractsCompanyDateAndTotalFromOurReceipt() throws Exception {
    try (SpanFieldExtractor extractor = SpanFieldExtractor.open(MODEL)) {
      assertEquals(List.of("company", "date", "address", "total"), extractor.fieldNames());
      Map<String, List<String>> values = extractor.extract(List.of(RECEIPT)).get(0);
      assertEquals("KEDAI RUNCIT SRI MAJU SDN BHD", values.get("company").get(0), values.toString());
      assertEquals("25.50", values.get("total").get(0), values.toString());
      assertEquals("14/03/2018", values.get("date").get(0), values.toString());
    }
  }
}
