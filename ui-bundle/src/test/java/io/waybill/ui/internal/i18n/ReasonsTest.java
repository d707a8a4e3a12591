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
import static org.junit.jupiter.api.Assertions.assertNull;
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
        Pattern placeholder = Pattern.compile("\\{\\d+(,number,integer|,weight|,status|,verb|,field|,column|,reasons|,rows)?}");
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

    @Test
    void theRefusalsAnOperatorMeetsReadWholeInChinese() {
        // upload
        assertEquals("包裹 WB1 所属店铺没有默认运输方式；请在“设置 → 运输方式”中设置。",
                Reasons.text(ZH, Reason.of(Reason.NO_SHIPPING_METHOD, "WB1")));
        assertEquals("The store of package WB1 has no default shipping method; set one in Settings -> Shipping "
                + "methods.", Reasons.text(Locale.ENGLISH, Reason.of(Reason.NO_SHIPPING_METHOD, "WB1")));
        assertEquals("包裹 WB1 已在队列中，等待上传到物流商。",
                Reasons.text(ZH, Reason.of(Reason.ALREADY_QUEUED, "WB1", PackageStatus.AWAITING_TRACKING)));
        assertEquals("Package WB1 is already queued to be synchronised.",
                Reasons.text(Locale.ENGLISH, Reason.of(Reason.ALREADY_QUEUED, "WB1", PackageStatus.SYNCED)));
        assertEquals("物流商插件“easypost”未安装（包裹 WB1 的运输方式）；未发送任何内容。请安装该插件或选择其他默认运输方式，然后重新上传。",
                Reasons.text(ZH, Reason.of(Reason.CARRIER_MISSING, "easypost", "WB1")));
        assertEquals("包裹 WB1 不在等待运单号（当前为“" + zhStatus(PackageStatus.ALLOCATED) + "”）。",
                Reasons.text(ZH, Reason.of(Reason.NOT_PENDING, "WB1", PackageStatus.ALLOCATED)));
        assertEquals("包裹 WB1 已挂起：订单明细的 SKU 未匹配到商品；请先在“SKU 未匹配”中匹配（或用 waybill:sku-alias）。现在不能分配库存。",
                Reasons.text(ZH, Reason.of(Reason.HELD_SKU_UNMATCHED, "WB1", PackageStatus.ALLOCATED)));
        // rules, review
        assertFalse(latinSentence(Reasons.text(ZH, Reason.of(Reason.RULES_NOT_APPLICABLE, "WB1",
                PackageStatus.SHIPPED))));
        assertFalse(latinSentence(Reasons.text(ZH, Reason.of(Reason.NOT_HELD, "WB1", PackageStatus.WAITING))));
        // the scan station
        assertEquals("未知包裹：没有包裹号或运单号为“RR9XX”的包裹。", Reasons.text(ZH, Reason.of(Reason.SCAN_UNKNOWN, "RR9XX")));
        assertEquals("UNKNOWN PACKAGE: no package or tracking number 'RR9XX'.",
                Reasons.text(Locale.ENGLISH, Reason.of(Reason.SCAN_UNKNOWN, "RR9XX")));
        assertEquals("称重未通过：包裹 WB1 称得 0.900 kg，预期 0.800 kg ± 0.040 kg；只有主管可以放行发货。",
                Reasons.text(ZH, Reason.of(Reason.WEIGHING_FAILED, "WB1", 900, 800, 40)));
        assertEquals("WEIGHING FAILED: package WB1 weighed 0.900 kg, expected 0.800 kg ± 0.040 kg; only a supervisor "
                + "can ship it.", Reasons.text(Locale.ENGLISH, Reason.of(Reason.WEIGHING_FAILED, "WB1", 900, 800, 40)));
        // every code of the kind the scan log names has its kind in both languages
        for (String code : List.of("empty_scan", "unknown_package", "already_shipped", "voided", "not_printed",
                "weighing_failed")) {
            assertFalse(Reasons.kind(ZH, code).equals(code), code);
            assertFalse(Reasons.kind(Locale.ENGLISH, code).equals(code), code);
        }
    }

    @Test
    void aCustomsRefusalNamesEveryProblemInTheUsersLanguage() {
        Reason refusal = Reason.of(Reason.CUSTOMS_NOT_READY, "WB7", Reason.encode(List.of(
                Reason.of(Reason.CUSTOMS_HS_MISSING, "SKU-A"), Reason.of(Reason.CUSTOMS_NO_LINES))));
        assertEquals("包裹 WB7 的报关信息未就绪，未发送任何内容：SKU-A：缺少海关编码（报关）；报关信息没有明细。请在包裹页面、商品资料或店铺设置中修正后重新上传。",
                Reasons.text(ZH, refusal));
        assertEquals("The customs declaration of package WB7 is not ready; nothing was sent: SKU-A: HS code missing "
                + "(customs declaration); The customs declaration has no lines. Correct it on the package page, in the "
                + "catalogue or in the store settings, then upload again.", refusal.english());
        assertEquals(refusal.english(), Reasons.text(Locale.ENGLISH, refusal));
        // as a batch failure and as a refusal thrown
        BatchResult.Failure f = BatchResult.Failure.of(7, "WB7", refusal);
        assertEquals(Reasons.text(ZH, refusal), Reasons.failure(ZH, f));
        assertEquals(Reasons.text(ZH, refusal), Reasons.refusal(ZH,
                new io.waybill.core.api.OperationRefusedException(refusal)));
    }

    @Test
    void formChecksNameEveryProblemInTheUsersLanguage() {
        Reason declaration = Reason.of(Reason.INVALID_DECLARATION, Reason.encode(List.of(
                Reason.of(Reason.DECL_SKU_REQUIRED, "1"), Reason.of(Reason.DECL_TEXT_TOO_LONG, "2 (LAMP)",
                        "description_zh", 200), Reason.of(Reason.DECL_CURRENCY, "2 (LAMP)", "DOLLARS"))));
        assertEquals("报关信息未保存：第 1 行：SKU 为必填项；第 2 (LAMP) 行：中文描述超过 200 个字符；第 2 (LAMP) 行：币种 DOLLARS 不是 ISO 4217 "
                + "代码（例如 USD、EUR）。", Reasons.refusal(ZH, new io.waybill.core.api.OperationRefusedException(declaration)));
        assertEquals("The declaration cannot be saved: line 1: the SKU is required; line 2 (LAMP): the Chinese "
                + "description is longer than 200 characters; line 2 (LAMP): the currency DOLLARS is not an ISO 4217 "
                + "code (e.g. USD, EUR).", Reasons.text(Locale.ENGLISH, declaration));
        Reason tax = Reason.of(Reason.INVALID_TAX_ID, Reason.encode(List.of(Reason.of(Reason.TAX_IOSS_MALFORMED,
                "IM123"), Reason.of(Reason.TAX_VAT_MALFORMED, "1"))));
        assertEquals("税号未保存：IOSS 号 IM123 无效（IM 加 10 位数字，例如 IM2760000123）；增值税号 1 无效（2 位国家字母加 2 到 13 位字母或数字，例如 "
                + "DE123456789）。", Reasons.text(ZH, tax));
        assertEquals("the IOSS number IM123 is not valid (IM followed by 10 digits, e.g. IM2760000123); the VAT "
                + "number 1 is not valid (2 letters of the country and 2 to 13 letters or digits, e.g. DE123456789).",
                Reasons.text(Locale.ENGLISH, tax));
        assertEquals("请填写原因。", Reasons.refusal(ZH, new io.waybill.core.api.OperationRefusedException(
                Reason.of(Reason.REASON_REQUIRED))));
        assertEquals("原因太长（1,200 个字符，最多 500 个）。", Reasons.text(ZH, Reason.of(Reason.REASON_TOO_LONG, 1200, 500)));
        for (String code : Reason.CODES) {
            if (code.startsWith("decl_") || code.startsWith("tax_") || code.startsWith("reason_")) {
                List<String> params = code.startsWith("decl_text_") ? List.of("1", "description_en", "3")
                        : List.of("1", "12345678901", "3");
                assertFalse(latinSentence(Reasons.text(ZH, new Reason(code, params))), code);
            }
        }
    }

    @Test
    void productAndCatalogueProblemsReadWholeInChinese() {
        // the product form's refusal names each field and its problem
        Reason product = new Reason(Reason.INVALID_PRODUCT, List.of("weight_g", Reason.encode(List.of(Reason.of(
                Reason.PRODUCT_WEIGHT_REQUIRED))), "currency", Reason.encode(List.of(Reason.of(Reason.PRODUCT_CURRENCY,
                "DOLLARS")))));
        assertEquals("商品未保存：重量(克)：为必填项（克；套装可留空，按组件重量之和计算）；币种：“DOLLARS”不是 ISO 4217 币种代码（例如 USD、EUR、CNY）",
                Reasons.refusal(ZH, new io.waybill.core.api.OperationRefusedException(product)));
        assertEquals("The product was not saved: weight_g: is required (grams; a bundle may leave it empty for the sum "
                + "of its components); currency: 'DOLLARS' is not an ISO 4217 currency code (e.g. USD, EUR, CNY)",
                Reasons.text(Locale.ENGLISH, product));
        assertEquals(product.english(), Reasons.text(Locale.ENGLISH, product));
        // a file row's error: as data in the reader's language, the column by its Chinese header
        io.waybill.core.model.RowError row = new io.waybill.core.model.RowError(3, "sku", Reason.of(
                Reason.CATALOGUE_ALSO_IN_ROW, "P-1", 1));
        assertEquals("“P-1”也出现在第 1 行", Reasons.rowError(ZH, row));
        assertEquals("'P-1' is also in row 1", Reasons.rowError(Locale.ENGLISH, row));
        assertEquals("商品编码", Reasons.column(ZH, "sku"));
        assertEquals("重量(克)", Reasons.column(ZH, "weight_g"));
        assertEquals("weight_g", Reasons.column(Locale.ENGLISH, "weight_g"));
        assertEquals("plain", Reasons.rowError(ZH, new io.waybill.core.model.RowError(1, "x", "plain")));
        // a bundle holding stock names where, in Chinese
        assertEquals("“A”有库存（在 W1 现有 10 件、已占用 2 件）：套装本身没有库存，占用的是组件库存。请先将库存出库，或为套装使用新的 SKU",
                Reasons.text(ZH, Reason.of(Reason.PRODUCT_BUNDLE_STOCK, "A", Reason.encode(List.of(Reason.of(
                        Reason.PRODUCT_STOCK_HELD, 10, 2, "W1"))))));
        // no product or catalogue sentence is Latin in Chinese
        for (String code : Reason.CODES) {
            if ((code.startsWith("product_") || code.startsWith("catalogue_")) && !code.equals(Reason.PRODUCT_TEXT)
                    && !code.equals(Reason.CATALOGUE_NOT_A_COLUMN)) {
                String zh = Reasons.text(ZH, new Reason(code, List.of("1", "2", "3")));
                assertFalse(latinSentence(zh), code + ": " + zh);
            }
        }
    }

    @Test
    void aRefusalWithParamsButNoReasonObjectIsStillWhole() {
        var e = new io.waybill.core.api.OperationRefusedException(Reason.NOT_PENDING, "Package WB1 is not waiting.",
                List.of("WB1", "TRACKED"));
        assertFalse(latinSentence(Reasons.refusal(ZH, e)), Reasons.refusal(ZH, e));
        // a code whose sentence takes no params
        BatchResult.Failure auth = new BatchResult.Failure(1, "WB1", Reason.SUPERVISOR_AUTH_FAILED, "wrong");
        assertEquals("主管用户名或密码错误；包裹未发货。", Reasons.failure(ZH, auth));
    }

    @Test
    void refusalsOnceThrownWithAMessageOnlyReadWholeInChinese() {
        // unknown_store: the store code as it is
        Reason store = Reason.of(Reason.UNKNOWN_STORE, "NOPE-1");
        assertEquals("Unknown store 'NOPE-1'.", store.english());
        assertEquals("店铺“NOPE-1”不存在。", Reasons.refusal(ZH, new io.waybill.core.api.OperationRefusedException(store)));
        // unreadable_file: why, in the reader's language; a plugin's own words quoted as they came
        Reason missing = Reason.nesting(Reason.UNREADABLE_FILE, Reason.of(Reason.FILE_MISSING_COLUMNS, "sku, name"));
        assertEquals("The header row lacks the required column(s) sku, name. Start from the template "
                + "(waybill:sku-export --template).", missing.english());
        assertEquals("表头缺少必需的列：sku, name。请从模板开始（waybill:sku-export --template）。", Reasons.text(ZH, missing));
        // invalid_options: every problem named (the shell prints the English)
        Reason options = Reason.nesting(Reason.INVALID_OPTIONS, Reason.of(Reason.OPTIONS_NOTHING_SAVED),
                Reason.of(Reason.OPTIONS_NO_LINE, "NOPE"), Reason.of(Reason.OPTIONS_USAGE, "waybill:package-declaration"));
        assertEquals("Nothing was saved; the declaration has no line of SKU NOPE; Usage: waybill:package-declaration",
                options.english());
        assertEquals("未保存任何内容；报关信息中没有 SKU NOPE 的明细；用法：waybill:package-declaration", Reasons.text(ZH, options));
        for (String code : Reason.CODES) {
            if (code.startsWith("file_") || code.startsWith("options_") || code.equals(Reason.STORE_REQUIRED)) {
                List<String> params = List.of("P0", "P1", "P2");
                String zh = Reasons.text(ZH, Reason.nesting(code.startsWith("file_") ? Reason.UNREADABLE_FILE
                        : Reason.INVALID_OPTIONS, new Reason(code, params)));
                // option names, usages and the file plugin's words are data
                String rest = zh.replaceAll("P\\d|--[a-z-]+|waybill:[a-z-]+|[a-z]+-[a-z-]+|[A-Z_]{2,}|\\.csv|\\.xlsx|UTF-8|Excel|LibreOffice|Waybill", "");
                assertFalse(rest.matches("(?s).*[A-Za-z]{3,}.*"), code + ": " + zh);
            }
        }
    }

    @Test
    void aScalesStatusReadsInChineseWhenThePluginGaveACode() {
        Reason noAnswer = Reason.ofScale("no_answer", List.of("/dev/ttyUSB0", "SI", "2000"));
        assertEquals("/dev/ttyUSB0 在 2,000 毫秒内没有回应 SI 命令", Reasons.scale(ZH, noAnswer, "no answer to SI ..."));
        // English keeps the plugin's own (more specific) text; no code, or an unknown one: the text as it is
        assertEquals("no answer to SI ...", Reasons.scale(Locale.ENGLISH, noAnswer, "no answer to SI ..."));
        assertNull(Reason.ofScale("brand_new", List.of()));
        assertNull(Reason.ofScale(null, List.of()));
        assertEquals("plain", Reasons.scale(ZH, null, "plain"));
        assertEquals("", Reasons.scale(ZH, null, null));
        assertEquals("超载：请取下重物", Reasons.scale(ZH, Reason.ofScale("overload", List.of()), "overload (S +)"));
        // every scale code of the SPI has its reason
        for (String code : List.of(io.waybill.spi.device.DeviceStatus.BAD_SETTINGS,
                io.waybill.spi.device.DeviceStatus.BUSY, io.waybill.spi.device.DeviceStatus.INTERRUPTED,
                io.waybill.spi.device.DeviceStatus.OPEN_FAILED, io.waybill.spi.device.DeviceStatus.NO_ANSWER,
                io.waybill.spi.device.DeviceStatus.NO_FRAME, io.waybill.spi.device.DeviceStatus.PARTIAL_FRAME,
                io.waybill.spi.device.DeviceStatus.UNREADABLE, io.waybill.spi.device.DeviceStatus.CONNECTION_LOST,
                io.waybill.spi.device.DeviceStatus.INTERNAL_ERROR, io.waybill.spi.device.DeviceStatus.NOT_UNDERSTOOD,
                io.waybill.spi.device.DeviceStatus.GARBLED, io.waybill.spi.device.DeviceStatus.UNEXPECTED_ANSWER,
                io.waybill.spi.device.DeviceStatus.CANNOT_EXECUTE, io.waybill.spi.device.DeviceStatus.OVERLOAD,
                io.waybill.spi.device.DeviceStatus.UNDERLOAD, io.waybill.spi.device.DeviceStatus.NOT_STABLE,
                io.waybill.spi.device.DeviceStatus.NO_STABLE_WEIGHT,
                io.waybill.spi.device.DeviceStatus.BUSY_NO_WEIGHT)) {
            assertNotNull(Reason.ofScale(code, List.of()), code);
        }
    }

    private static String zhStatus(PackageStatus s) {
        return WaybillI18NProvider.bundle(ZH).getString("status." + s.name());
    }

    /** A sentence of Latin words outside the data (codes, numbers, package numbers). */
    private static boolean latinSentence(String text) {
        return text.replaceAll("WB\\d+|waybill:[a-z-]+|[A-Z]{2,}|\\d", "").matches(".*[A-Za-z]{3,}.*");
    }
    @Test
    void theRulesCombinedHistoryRowReadsWholeInBothLanguagesAndOldSingleRowsStillRender() {
        // one row per package (since core model 1.15): every decision with its rule, the refused rule with why
        Reason combined = new Reason(Reason.RULE_DECISIONS, List.of(Reason.encode(List.of(
                Reason.of(Reason.RULE_SHIPPING_METHOD, "air", "DG", 2, "Batteries"),
                Reason.of(Reason.RULE_TAG, "DG", 2, "Batteries"),
                Reason.of(Reason.RULE_SERVICE_DANGEROUS_GOODS, "STD", "battery", 1, "Cheap")))));
        AuditEntry row = new AuditEntry(Instant.EPOCH, "importer", "RULE_APPLIED", PackageStatus.WAITING,
                PackageStatus.WAITING, combined.english(), combined.code(), combined.params());
        assertEquals("Shipping method air / DG by rule #2 \"Batteries\"; Tag DG by rule #2 \"Batteries\"; "
                + "Rule #1 \"Cheap\" skipped: service STD does not carry battery", Reasons.history(Locale.ENGLISH, row));
        assertEquals("运输方式 air / DG（规则 #2“Batteries”）；标签 DG（规则 #2“Batteries”）；"
                + "已跳过规则 #1“Cheap”：服务 STD 不承运 battery", Reasons.history(ZH, row));
        // a row written before 1.15 (one decision) reads as it did
        Reason old = Reason.of(Reason.RULE_SHIPPING_METHOD, "air", "DG", 2, "Batteries");
        AuditEntry single = new AuditEntry(Instant.EPOCH, "importer", "RULE_APPLIED", PackageStatus.WAITING,
                PackageStatus.WAITING, old.english(), old.code(), old.params());
        assertEquals("运输方式 air / DG（规则 #2“Batteries”）", Reasons.history(ZH, single));
        assertEquals("Shipping method air / DG by rule #2 \"Batteries\"", Reasons.history(Locale.ENGLISH, single));
    }
}
