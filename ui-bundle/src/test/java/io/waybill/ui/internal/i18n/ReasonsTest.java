package io.waybill.ui.internal.i18n;

import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReasonsTest {

    @Test
    void englishShowsTheCoresMessageAsItIs() {
        assertEquals("Out of stock: A missing 2",
                Reasons.text(Locale.ENGLISH, "out_of_stock", "Out of stock: A missing 2"));
    }

    @Test
    void chinesePutsTheKindOfRefusalFirstAndKeepsTheFacts() {
        assertEquals("缺货：Out of stock: A missing 2",
                Reasons.text(Locale.SIMPLIFIED_CHINESE, "out_of_stock", "Out of stock: A missing 2"));
        assertEquals("已发货：Package WB00000012 has already shipped.",
                Reasons.text(Locale.SIMPLIFIED_CHINESE, "already_shipped", "Package WB00000012 has already shipped."));
    }

    @Test
    void printRefusalsAreNamedInBothLanguages() {
        String refused = "Nothing was printed: 1 of 2 packages cannot have a carrier label: WB00000056 is voided.";
        assertEquals(refused, Reasons.text(Locale.ENGLISH, "not_printable", refused));
        assertEquals("当前状态不能打印：" + refused, Reasons.text(Locale.SIMPLIFIED_CHINESE, "not_printable", refused));
        assertEquals("包含标签字体无法打印的字符：x", Reasons.text(Locale.SIMPLIFIED_CHINESE, "unprintable_text", "x"));
    }

    @Test
    void anUnknownCodeOrNoMessageIsHandled() {
        assertEquals("something new", Reasons.text(Locale.SIMPLIFIED_CHINESE, "brand_new_code", "something new"));
        assertEquals("缺货", Reasons.text(Locale.SIMPLIFIED_CHINESE, "out_of_stock", null));
        assertEquals("plain", Reasons.text(Locale.SIMPLIFIED_CHINESE, null, "plain"));
        assertEquals("", Reasons.text(null, null, null));
    }

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static AuditEntry entry(Reason r) {
        return new AuditEntry(Instant.EPOCH, "alice", "SHIPPED", PackageStatus.PRINTED, PackageStatus.SHIPPED,
                r.english(), r.code(), r.params());
    }

    @Test
    void everyReasonCodeHasAChineseSentenceWithTheSamePlaceholders() {
        ResourceBundle zh = WaybillI18NProvider.bundle(ZH);
        TreeSet<String> zhCodes = new TreeSet<>();
        for (String key : zh.keySet()) {
            if (key.startsWith(Reasons.TEXT_PREFIX) && !key.endsWith(".list")) {
                zhCodes.add(key.substring(Reasons.TEXT_PREFIX.length()));
            }
        }
        assertEquals(new TreeSet<>(Reason.CODES), zhCodes, "zh sentences vs the core's Reason codes");
        Pattern placeholder = Pattern.compile("\\{\\d+(,number,integer|,weight|,status|,verb|,field)?}");
        for (String code : Reason.CODES) {
            String zhText = zh.getString(Reasons.TEXT_PREFIX + code);
            assertEquals(placeholders(placeholder, Reason.englishTemplate(code)), placeholders(placeholder, zhText),
                    code);
            new MessageFormat(Reasons.CUSTOM_ARG.matcher(zhText).replaceAll("{$1}"), ZH); // parses
            if (Reason.LISTS.containsKey(code)) {
                assertTrue(zh.containsKey(Reasons.TEXT_PREFIX + code + ".list"), code);
            }
        }
    }

    private static TreeSet<String> placeholders(Pattern p, String text) {
        TreeSet<String> found = new TreeSet<>();
        p.matcher(text).results().forEach(r -> found.add(r.group()));
        return found;
    }

    @Test
    void historyReasonsReadInEachLanguageWithTheDataAsItIs() {
        Reason weighed = Reason.of(Reason.WEIGHED, 1800, 1790, 40);
        assertEquals("Weight 1.800 kg (expected 1.790 kg ± 0.040 kg)", Reasons.history(Locale.ENGLISH, entry(weighed)));
        assertEquals("重量 1.800 kg（预期 1.790 kg ± 0.040 kg）", Reasons.history(ZH, entry(weighed)));
        Reason warehouse = Reason.of(Reason.WAREHOUSE, "SZ-01");
        assertEquals("Warehouse SZ-01", Reasons.history(Locale.ENGLISH, entry(warehouse)));
        assertEquals("仓库 SZ-01", Reasons.history(ZH, entry(warehouse)));
        Reason carrier = Reason.of(Reason.CARRIER_SERVICE, "demo-post", "RR");
        assertEquals("物流商 demo-post / RR", Reasons.history(ZH, entry(carrier)));
        Reason tracking = Reason.of(Reason.TRACKING_NUMBER, "1234567890123", "demo-post");
        // a tracking number is data, never formatted as a number
        assertEquals("运单号 1234567890123（来自 demo-post）", Reasons.history(ZH, entry(tracking)));
        assertEquals("Tracking number 1234567890123 from demo-post", Reasons.history(Locale.ENGLISH, entry(tracking)));
        assertEquals("A 缺 2 件，B 缺 1 件", Reasons.history(ZH, entry(Reason.of(Reason.SHORTAGES, "A", 2, "B", 1))));
    }

    @Test
    void reviewEditsReadWithTheChangedFieldsInEachLanguage() {
        Reason address = new Reason(Reason.ADDRESS_CORRECTED, List.of("address1", "postal_code"));
        assertEquals("Ship-to address corrected (address1, postal_code)", Reasons.history(Locale.ENGLISH,
                entry(address)));
        assertEquals("收件地址已更正（地址1，邮编）", Reasons.history(ZH, entry(address)));
        Reason customs = new Reason(Reason.CUSTOMS_CHANGED, List.of("WB1", "category", "merchandise", "gift",
                "MUG-1", "hs_code", "691200", "691110"));
        assertEquals("Customs declaration edited: WB1: category merchandise → gift, MUG-1: HS code 691200 → 691110",
                Reasons.history(Locale.ENGLISH, entry(customs)));
        assertEquals("报关信息已修改：WB1：类别 merchandise → gift，MUG-1：海关编码 691200 → 691110",
                Reasons.history(ZH, entry(customs)));
        Reason locked = Reason.of(Reason.EDIT_LOCKED, "WB1", PackageStatus.TRACKED, "declaration");
        assertEquals("包裹 WB1 当前为“已获取运单号”：报关信息只能在上传到物流商之前修改。如买家信息有误，请作废该包裹。",
                Reasons.text(ZH, locked));
    }

    @Test
    void freeTextAndOldHistoryLinesShowAsWritten() {
        AuditEntry old = new AuditEntry(Instant.EPOCH, "alice", "ALLOCATED", null, null, "Warehouse SZ-01");
        assertEquals("Warehouse SZ-01", Reasons.history(ZH, old));
        assertEquals("", Reasons.history(ZH, new AuditEntry(Instant.EPOCH, "a", "PRINTED", null, null, null)));
        // a code this UI does not know yet: the English text the core stored
        AuditEntry unknown = new AuditEntry(Instant.EPOCH, "a", "X", null, null, "Brand new", "brand_new", List.of());
        assertEquals("Brand new", Reasons.history(ZH, unknown));
    }

    @Test
    void outOfStockFailureIsWholeInChinese() {
        BatchResult.Failure f = BatchResult.Failure.of(7, "WB00000007", Reason.of(Reason.OUT_OF_STOCK, "SKU-A", 2));
        assertEquals("Out of stock: SKU-A missing 2", f.message());
        assertEquals("缺货：SKU-A 缺 2 件", Reasons.failure(ZH, f));
        assertEquals("Out of stock: SKU-A missing 2", Reasons.failure(Locale.ENGLISH, f));
        // a failure without params keeps the kind-first form
        BatchResult.Failure plain = new BatchResult.Failure(7, "WB00000007", "already_shipped", "Package shipped.");
        assertEquals("已发货：Package shipped.", Reasons.failure(ZH, plain));
    }

    @Test
    void aNonNumberWhereANumberIsExpectedIsShownAsWritten() {
        assertEquals("重量 n/a（预期 0.010 kg ± 0.001 kg）", Reasons.history(ZH, entry(Reason.of(Reason.WEIGHED, "n/a", 10, 1))));
        assertNotNull(Reasons.text(ZH, Reason.of(Reason.DEMO_DATA)));
        assertFalse(Reasons.text(ZH, Reason.of(Reason.BATCH_NOT_WEIGHED)).matches(".*[A-Za-z].*"));
    }

    @Test
    void theScanLogNamesTheKindOfRefusal() {
        assertEquals("包裹不存在", Reasons.kind(ZH, "unknown_package"));
        assertEquals("Unknown package", Reasons.kind(Locale.ENGLISH, "unknown_package"));
        assertEquals("brand_new", Reasons.kind(ZH, "brand_new"));
    }
}
