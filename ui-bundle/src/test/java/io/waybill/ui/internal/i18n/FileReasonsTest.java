package io.waybill.ui.internal.i18n;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.Reason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.waybill.ui.internal.i18n.OrderReasonsTest.latinSentence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Why an order file cannot be read at all (the file plugin's SPI platform 1.7 codes and params, mapped by the core to
 * {@code file_*} reasons, and the core's own refusals) reads whole in English and in 简体中文, as the Import orders
 * page shows the refusal: a table of one problem per code with the params the CSV plugin gives it, which must meet
 * every order-file code of the core.
 */
class FileReasonsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    /** Names that are the same in every language. */
    private static final List<String> NAMES = List.of("Excel", ".csv");

    /** The plugin's code and params -> the data among them (a file's names, bytes, the plugin's own words). */
    private static Map<Reason, List<String>> table() {
        Map<Reason, List<String>> t = new LinkedHashMap<>();
        t.put(Reason.ofFile("empty_file", List.of()), List.of());
        t.put(Reason.ofFile("header_empty", List.of()), List.of());
        t.put(Reason.ofFile("file_too_large", List.of("25.0", "20")), List.of());
        t.put(Reason.ofFile("too_many_rows", List.of("200000")), List.of());
        t.put(Reason.ofFile("bad_encoding", List.of("0xD5", "82", "2")), List.of("0xD5"));
        t.put(Reason.ofFile("bad_encoding_utf16", List.of("0x00", "2")), List.of("0x00"));
        t.put(Reason.ofFile("bad_encoding_truncated", List.of("UTF-8", "120")), List.of());
        t.put(Reason.ofFile("bad_encoding_utf16_no_bom", List.of("UTF-16LE")), List.of());
        t.put(Reason.ofFile("missing_columns", List.of("'Bestellnummer', 'Stadt', 'order_date'", "order_no",
                "order_number, 订单号, 订单编号", "city", "town, ship_city, 城市")),
                List.of("'Bestellnummer', 'Stadt', 'order_date'", "order_number, 订单号, 订单编号",
                        "town, ship_city, 城市"));
        t.put(Reason.ofFile("duplicate_column", List.of("sku", "7", "9", "sku", "Seller SKU")), List.of("sku",
                "Seller SKU"));
        t.put(Reason.ofFile("unclosed_quote", List.of("2")), List.of());
        t.put(Reason.ofFile("unclosed_quote", List.of("0")), List.of());
        t.put(Reason.ofFile("text_after_quote", List.of("3")), List.of());
        t.put(Reason.ofFile("text_after_quote", List.of("0")), List.of());
        t.put(Reason.ofFile("malformed_csv", List.of("3", "odd record")), List.of("odd record"));
        t.put(Reason.ofFile("malformed_csv", List.of("0", "odd record")), List.of("odd record"));
        t.put(Reason.ofFile("bad_config", List.of("zone", "Mars/Olympus", "Asia/Shanghai, Europe/Berlin, +08:00")),
                List.of("zone", "Mars/Olympus", "Asia/Shanghai, Europe/Berlin, +08:00"));
        t.put(Reason.ofFile("parse_error", List.of("orders.csv", "IllegalStateException: boom")),
                List.of("orders.csv", "IllegalStateException: boom"));
        t.put(Reason.of(Reason.FILE_NO_PARSER, "orders.xlsx"), List.of("orders.xlsx"));
        t.put(Reason.of(Reason.FILE_PLUGIN, "the plugin's own words"), List.of("the plugin's own words"));
        return t;
    }

    @Test
    void everyFileProblemReadsWholeInBothLanguagesAsTheImportPageShowsIt() {
        Set<String> seen = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Reason, List<String>> e : table().entrySet()) {
            Reason why = e.getKey();
            seen.add(why.code());
            OperationRefusedException refused = new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    why));
            // English: the core's sentence, which the shell prints too (the page groups the digits of numbers)
            assertEquals(why.english(), Reasons.refusal(Locale.ENGLISH, refused).replace("200,000", "200000"),
                    why::code);
            assertEquals(why.english(), refused.getMessage(), why::code);
            String zh = Reasons.refusal(ZH, refused);
            List<String> data = new ArrayList<>(e.getValue());
            data.addAll(NAMES);
            if (latinSentence(zh, data) || zh.contains("{") || zh.contains("_") && !data.stream().anyMatch(
                    d -> d.contains("_")) || zh.contains("\u001c") || zh.contains("\u001d")) {
                failures.add(why.code() + ": " + zh);
            }
        }
        assertTrue(failures.isEmpty(), () -> "not whole in Chinese: " + failures);
        // every order-file reason of the core (the file_* codes other than the catalogue import's)
        Set<String> codes = new TreeSet<>();
        Reason.CODES.stream().filter(c -> c.startsWith("file_")).forEach(codes::add);
        codes.removeAll(Set.of(Reason.FILE_NOT_CSV_XLSX, Reason.FILE_NOT_UTF8, Reason.FILE_OPEN_QUOTE,
                Reason.FILE_NOT_XLSX, Reason.FILE_NO_HEADER, Reason.FILE_MISSING_COLUMNS, Reason.FILE_COLUMN_NAMES));
        assertEquals(codes, seen, "every order-file code of the core is in the table");
    }

    @Test
    void readsAsTheOperatorExpects() {
        Reason columns = Reason.ofFile("missing_columns", List.of("'Bestellnummer', 'Stadt'", "order_no",
                "order_number, 订单号, 订单编号", "city", "town, ship_city, 城市"));
        assertEquals("表头行缺少必需的列：订单号（或 order_number, 订单号, 订单编号）；城市（或 town, ship_city, 城市）。文件表头中的列："
                + "'Bestellnummer', 'Stadt'。", Reasons.text(ZH, columns));
        assertEquals("The header row lacks required columns: order_no (or order_number, 订单号, 订单编号); city (or "
                + "town, ship_city, 城市). Found: 'Bestellnummer', 'Stadt'.", Reasons.text(Locale.ENGLISH, columns));
        // numbers in the reader's way, the byte as the file has it
        assertEquals("文件不是 UTF-8 文本：第 2 行偏移量 1,082 处的字节 0xD5 无法按 UTF-8 读取（文件可能以 GBK 等其他编码保存）。"
                + "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或导出时选择 UTF-8，然后重新上传。",
                Reasons.text(ZH, Reason.ofFile("bad_encoding", List.of("0xD5", "1082", "2"))));
        assertEquals("文件的数据行超过 200,000 行。请拆分为几个较小的文件。", Reasons.text(ZH, Reason.ofFile("too_many_rows",
                List.of("200000"))));
        assertEquals("表头行中带引号的值没有闭合：缺少一个双引号，文件其余部分无法分行。", Reasons.text(ZH,
                Reason.ofFile("unclosed_quote", List.of("0"))));
        assertEquals("表头中商品编码列出现了两次（第 7 和第 9 个字段：“sku”和“SKU”）；请只保留一列。", Reasons.text(ZH,
                Reason.ofFile("duplicate_column", List.of("sku", "7", "9", "sku", "SKU"))));
    }
}
