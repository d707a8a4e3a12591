package io.waybill.ui.internal.i18n;

import io.waybill.core.internal.capture.OrderValidator;
import io.waybill.core.model.Reason;
import io.waybill.core.model.RowError;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every problem the core's order check finds (the manual order form, an order file's rows, a captured order) is a
 * reason of its own ({@code order_*}), read whole in English and in 简体中文: a table of orders, each with the problem
 * it must show, run through the real {@link OrderValidator} (a test may use the core's internals; the UI's main code
 * may not).
 */
class OrderReasonsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Set<String> ALL = Set.of("A", "B");

    private static Address address(String name, String city, String state, String postalCode, String country) {
        return new Address(name, null, "1 Main Street", null, city, state, postalCode, country, null, null);
    }

    private static Address us() {
        return address("Ann", "Springfield", "IL", "62704", "US");
    }

    private static PlatformOrder order(Address shipTo, PlatformOrder.Line... lines) {
        return new PlatformOrder("P-1", "1", false, Instant.EPOCH, shipTo, List.of(lines));
    }

    private static PlatformOrder valued(String total, String shipping, String currency, String phone, String email,
                                        PlatformOrder.Line... lines) {
        return order(us(), lines).withValue(new PlatformOrder.Value(total == null ? null : new BigDecimal(total),
                shipping == null ? null : new BigDecimal(shipping), currency, phone, email, null));
    }

    private static PlatformOrder.Line line(String sku, int quantity) {
        return new PlatformOrder.Line(sku, quantity);
    }

    private static PlatformOrder.Line priced(String sku, String price, String currency) {
        return new PlatformOrder.Line(sku, 1, price == null ? null : new BigDecimal(price), currency);
    }

    private static List<OrderValidator.Problem> check(PlatformOrder o) {
        return OrderValidator.validate(o, ALL);
    }

    /** The table: the code each order must show, and the order (any other problems it has are checked too). */
    private static Map<String, Supplier<List<OrderValidator.Problem>>> table() {
        Map<String, Supplier<List<OrderValidator.Problem>>> t = new LinkedHashMap<>();
        t.put(Reason.ORDER_REQUIRED, () -> check(order(address(null, "Springfield", "IL", "62704", "US"),
                line("A", 1))));
        t.put(Reason.ORDER_REQUIRED_FOR, () -> check(order(address("Ann", "Berlin", null, null, "DE"),
                line("A", 1))));
        t.put(Reason.ORDER_TOO_LONG, () -> check(order(address("Ann", "X".repeat(101), "IL", "62704", "US"),
                line("A", 1))));
        t.put(Reason.ORDER_CONTROL, () -> check(order(address("Ann", "Spring\u0007field", "IL", "62704", "US"),
                line("A", 1))));
        t.put(Reason.ORDER_BIDI, () -> check(order(address("Ann", "Spring\u202Efield", "IL", "62704", "US"),
                line("A", 1))));
        t.put(Reason.ORDER_NO_LINES, () -> check(order(us())));
        t.put(Reason.ORDER_TOO_MANY_LINES, () -> check(order(us(), IntStream.range(0, 201).mapToObj(i -> line("A",
                1)).toArray(PlatformOrder.Line[]::new))));
        t.put(Reason.ORDER_UNKNOWN_SKU, () -> check(order(us(), line("LAMP", 1))));
        t.put(Reason.ORDER_QUANTITY_NOT_POSITIVE, () -> check(order(us(), line("", 0))));
        t.put(Reason.ORDER_QUANTITY_NOT_POSITIVE_SKU, () -> check(order(us(), line("A", -5))));
        t.put(Reason.ORDER_QUANTITY_TOO_LARGE, () -> check(order(us(), line("A", 10_001))));
        t.put(Reason.ORDER_CURRENCY_NOT_PAYABLE, () -> check(valued("10", null, "XAU", null, null, line("A", 1))));
        t.put(Reason.ORDER_CURRENCY_NOT_PAYABLE_SKU, () -> check(valued(null, null, null, null, null,
                priced("A", "1", "XAU"))));
        t.put(Reason.ORDER_CURRENCY_UNKNOWN, () -> check(valued("10", null, "DOLLARS", null, null, line("A", 1))));
        t.put(Reason.ORDER_CURRENCY_UNKNOWN_SKU, () -> check(valued(null, null, null, null, null,
                priced("A", "1", "XYZ"))));
        t.put(Reason.ORDER_PRICE_NO_CURRENCY, () -> check(valued(null, null, null, null, null,
                priced(null, "1", null))));
        t.put(Reason.ORDER_PRICE_NO_CURRENCY_SKU, () -> check(valued(null, null, null, null, null,
                priced("A", "1", null))));
        t.put(Reason.ORDER_LINE_CURRENCY, () -> check(valued(null, null, "USD", null, null,
                priced(" ", "1", "EUR"))));
        t.put(Reason.ORDER_LINE_CURRENCY_SKU, () -> check(valued(null, null, "USD", null, null,
                priced("A", "1", "EUR"))));
        t.put(Reason.ORDER_LINES_CURRENCY, () -> check(valued(null, null, null, null, null,
                priced("A", "1", "USD"), priced(" ", "1", "EUR"))));
        t.put(Reason.ORDER_LINES_CURRENCY_SKU, () -> check(valued(null, null, null, null, null,
                priced("A", "1", "USD"), priced("B", "1", "EUR"))));
        t.put(Reason.ORDER_AMOUNT_NEGATIVE, () -> check(valued("-1", null, "USD", null, null, line("A", 1))));
        t.put(Reason.ORDER_AMOUNT_NEGATIVE_SKU, () -> check(valued(null, null, "USD", null, null,
                priced("A", "-1", null))));
        t.put(Reason.ORDER_AMOUNT_TOO_LARGE, () -> check(valued("1000000000000000", null, "USD", null, null,
                line("A", 1))));
        t.put(Reason.ORDER_AMOUNT_TOO_LARGE_SKU, () -> check(valued(null, null, "USD", null, null,
                priced("A", "1000000000000000", null))));
        t.put(Reason.ORDER_AMOUNT_DECIMALS, () -> check(valued("1.001", null, "USD", null, null, line("A", 1))));
        t.put(Reason.ORDER_AMOUNT_DECIMALS_SKU, () -> check(valued(null, null, "JPY", null, null,
                priced("A", "1.5", null))));
        t.put(Reason.ORDER_AMOUNT_SCALE, () -> check(valued("1.00001", null, null, null, null, line("A", 1))));
        t.put(Reason.ORDER_AMOUNT_SCALE_SKU, () -> check(valued(null, null, null, null, null,
                priced("A", "1.00001", null))));
        t.put(Reason.ORDER_TOTAL_NO_CURRENCY, () -> check(valued("10", null, null, null, null, line("A", 1))));
        t.put(Reason.ORDER_SHIPPING_NO_CURRENCY, () -> check(valued(null, "5", null, null, null, line("A", 1))));
        t.put(Reason.ORDER_TOTAL_BELOW_SHIPPING, () -> check(valued("1", "5", "USD", null, null, line("A", 1))));
        t.put(Reason.ORDER_PHONE, () -> check(valued(null, null, null, "abc", null, line("A", 1))));
        t.put(Reason.ORDER_EMAIL, () -> OrderValidator.validateContact(new Address("Ann", null, "1 Main Street",
                null, "Springfield", "IL", "62704", "US", null, "not-an-email")));
        t.put(Reason.ORDER_TOO_HEAVY, () -> OrderValidator.validateWeight(84_040));
        t.put(Reason.ORDER_ADDRESS_MISSING, () -> OrderValidator.validateAddress(null));
        t.put(Reason.ORDER_COUNTRY, () -> check(order(address("Ann", "Springfield", null, null, "ZZ"),
                line("A", 1))));
        t.put(Reason.ORDER_POSTAL_CODE, () -> check(order(address("Ann", "Berlin", null, "ABCDE", "DE"),
                line("A", 1))));
        t.put(Reason.ORDER_UNPRINTABLE, () -> OrderValidator.validateAddress(address("\uD835\uDD73ans",
                "Springfield", "IL", "62704", "US"), text -> text.codePoints().filter(cp -> cp > 0xFFFF).boxed()
                .toList()));
        t.put(Reason.ORDER_UNPRINTABLE_MORE, () -> OrderValidator.validateAddress(address("Ann",
                "Springfield", "IL", "62704", "US"), text -> text.startsWith("Ann") ? List.of(0x41, 0x42, 0x43,
                0x44, 0x45, 0x46, 0x47) : List.of()));
        return t;
    }

    @Test
    void everyProblemOfAnOrderHasItsCodeAndReadsWholeInBothLanguages() {
        Set<String> seen = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Supplier<List<OrderValidator.Problem>>> row : table().entrySet()) {
            List<OrderValidator.Problem> problems = row.getValue().get();
            assertTrue(problems.stream().anyMatch(p -> p.structured().code().equals(row.getKey())),
                    () -> row.getKey() + " not found in " + problems);
            for (OrderValidator.Problem p : problems) {
                Reason r = p.structured();
                assertNotNull(r, p::toString);
                seen.add(r.code());
                assertTrue(Reason.CODES.contains(r.code()) && r.code().startsWith("order_"), r::code);
                // English: the core's sentence, as the shell and the file's row errors have always said it
                assertEquals(p.reason(), r.english());
                assertNotNull(Reasons.text(Locale.ENGLISH, r), r::code);
                String zh = Reasons.text(ZH, r);
                if (zh == null || latinSentence(zh, r.params())) {
                    failures.add(r.code() + ": " + zh);
                }
                // a file row's error: its column by the Chinese header, the problem in Chinese
                RowError row2 = new RowError(3, p.field(), r);
                assertEquals(zh, Reasons.rowError(ZH, row2));
                assertFalse(Reasons.column(ZH, p.field()).matches(".*[a-z].*"), () -> "column " + p.field());
            }
        }
        assertTrue(failures.isEmpty(), () -> "not whole in Chinese: " + failures);
        // every order_* code of the core is met by an order of the table (order_sku_held: the import's preview)
        Set<String> codes = new TreeSet<>();
        Reason.CODES.stream().filter(c -> c.startsWith("order_")).forEach(codes::add);
        codes.remove(Reason.ORDER_SKU_HELD);
        assertEquals(codes, seen);
    }

    @Test
    void readsAsTheOperatorExpects() {
        Reason required = Reason.of(Reason.ORDER_REQUIRED_FOR, "DE");
        assertEquals("is required for destination DE", required.english());
        assertEquals("寄往 DE 时为必填项", Reasons.text(ZH, required));
        assertEquals("邮编", Reasons.column(ZH, "postal_code"));
        assertEquals("postal_code", Reasons.column(Locale.ENGLISH, "postal_code"));
        assertEquals("“ABCDE”不是 DE 的有效邮编", Reasons.text(ZH, Reason.of(Reason.ORDER_POSTAL_CODE, "ABCDE", "DE")));
        assertEquals("'ABCDE' is not a valid postal code for DE", Reason.of(Reason.ORDER_POSTAL_CODE, "ABCDE", "DE")
                .english());
        Reason held = Reason.of(Reason.ORDER_SKU_HELD, "LAMP-9", "Z-1");
        assertEquals("will be held: SKU not matched 'LAMP-9' (order Z-1 is imported into \"SKU not matched\" until "
                + "the SKU is mapped to a product)", held.english());
        assertFalse(latinSentence(Reasons.text(ZH, held), held.params()));
        // numbers as the locale writes them in the form, as they are in the shell
        Reason tooLong = Reason.of(Reason.ORDER_TOO_LONG, 120, 100);
        assertEquals("is too long (120 characters, at most 100)", tooLong.english());
        assertEquals("太长（120 个字符，最多 100 个）", Reasons.text(ZH, tooLong));
        // an address correction refused: each field by its name, each problem whole
        Reason address = new Reason(Reason.INVALID_ADDRESS, List.of("address1", Reason.encode(List.of(Reason.of(
                Reason.ORDER_REQUIRED))), "postal_code", Reason.encode(List.of(Reason.of(Reason.ORDER_POSTAL_CODE,
                "6270", "US")))));
        assertEquals("address1 is required; postal_code '6270' is not a valid postal code for US", address.english());
        assertEquals(address.english(), Reasons.text(Locale.ENGLISH, address));
        assertEquals("地址1：为必填项；邮编：“6270”不是 US 的有效邮编", Reasons.refusal(ZH,
                new io.waybill.core.api.OperationRefusedException(address)));
    }

    @Test
    void theCataloguesSaveTimeClashesReadWholeInChinese() {
        Reason sku = Reason.of(Reason.DUPLICATE_SKU, "sku", Reason.encode(List.of(Reason.of(
                Reason.CATALOGUE_SKU_EXISTS, "MUG-1"))));
        assertEquals("The product was not saved: sku 'MUG-1' is already in the catalogue (import with \"update "
                + "existing products\" / --update to change it).", sku.english());
        assertEquals(sku.english(), Reasons.text(Locale.ENGLISH, sku));
        String zh = Reasons.refusal(ZH, new io.waybill.core.api.OperationRefusedException(sku));
        assertTrue(zh.startsWith("商品未保存：商品编码：“MUG-1”已在商品资料中"), zh);
        Reason barcode = Reason.of(Reason.DUPLICATE_BARCODE, "barcodes", Reason.encode(List.of(Reason.of(
                Reason.CATALOGUE_BARCODE_OWNED, "4006381333931", "PEN-1"))));
        assertEquals("商品未保存：条码：“4006381333931”已属于 SKU PEN-1。", Reasons.text(ZH, barcode));
        Reason bundle = Reason.of(Reason.INVALID_BUNDLE, "components", Reason.encode(List.of(Reason.of(
                Reason.PRODUCT_CYCLE, "KIT", "KIT > GIFT > KIT"))));
        assertEquals("商品未保存：套装组件：“KIT”会通过其他套装包含自己：KIT > GIFT > KIT。", Reasons.text(ZH, bundle));
        for (Reason r : List.of(sku, barcode, bundle)) {
            assertFalse(latinSentence(Reasons.text(ZH, r), Collections.emptyList()), r::code);
        }
    }

    @Test
    void anAllocationsBundleCycleReadsWholeInChinese() {
        Reason cycle = new Reason(Reason.BUNDLE_CYCLE, List.of("WB00000007"));
        String english = "A bundle of package WB00000007 contains itself (through other bundles); fix its components "
                + "in the catalogue.";
        assertEquals(english, cycle.english());
        io.waybill.core.model.BatchResult.Failure f = io.waybill.core.model.BatchResult.Failure.of(7, "WB00000007",
                cycle);
        assertEquals(english, Reasons.failure(Locale.ENGLISH, f));
        String zh = Reasons.failure(ZH, f);
        assertEquals("包裹 WB00000007 中有套装（经由其他套装）包含了自身；请在商品资料中修正它的组件。", zh);
        assertFalse(latinSentence(zh, cycle.params()), zh);
    }

    @Test
    void aRejectedCapturesColumnNamesTheOrderAndTheFieldInChinese() {
        RowError e = new RowError(0, Reason.of(Reason.CAPTURE_ORDER_FIELD, "1001", "postal_code"),
                Reason.of(Reason.ORDER_POSTAL_CODE, "ABC", "US"));
        assertEquals("order 1001 / postal_code", e.column());
        assertEquals("order 1001 / postal_code", Reasons.column(Locale.ENGLISH, e));
        assertEquals("订单 1001 / 邮编", Reasons.column(ZH, e));
        assertFalse(latinSentence(Reasons.column(ZH, e), List.of("1001")));
        RowError plain = new RowError(3, "postal_code", Reason.of(Reason.ORDER_POSTAL_CODE, "ABC", "US"));
        assertEquals("邮编", Reasons.column(ZH, plain));
        assertEquals("postal_code", Reasons.column(Locale.ENGLISH, plain));
    }

    @Test
    void theConflictsOfAnImportsOrdersReadWholeInChinese() {
        String others = Reason.encode(List.of(Reason.of(Reason.CONFLICT_ORDERS, "1002", "2")));
        String many = Reason.encode(List.of(Reason.of(Reason.CONFLICT_ORDERS, "1002", "2,3,4,5,6,7,8", "1003", "")));
        String withId = Reason.encode(List.of(Reason.of(Reason.CONFLICT_ORDERS_WITH_ID, "1001", "1", "P1")));
        Map<Reason, String> english = new LinkedHashMap<>();
        english.put(Reason.of(Reason.CONFLICT_SAME_ORDER, "1001", "P1", others, "1,3"), "order 1001 "
                + "(platform_order_id 'P1') appears again as a separate order: order 1002 (row 2); the lines of one "
                + "order must be read as one order, so none of them is imported (rows 1, 3)");
        english.put(Reason.of(Reason.CONFLICT_PLATFORM_ID, "AMZ-1", "1001", many, "1"), "platform_order_id "
                + "'AMZ-1' of order 1001 is also the platform_order_id of order 1002 (rows 2, 3, 4, 5, 6 and 2 more), "
                + "order 1003 (no row); one marketplace order cannot have two order numbers, so none of these orders "
                + "is imported (row 1)");
        english.put(Reason.of(Reason.CONFLICT_ORDER_NO, "1001", "P2", withId, "2"), "order number 1001 "
                + "(platform_order_id 'P2') is also the order number of order 1001 (row 1) with platform_order_id "
                + "'P1'; two orders of one store cannot share an order number, so none of these orders is imported "
                + "(row 2)");
        english.put(Reason.of(Reason.CONFLICT_STORED_PLATFORM_ID, "AMZ-7", "S1", "7001", "7002", "1"),
                "platform_order_id 'AMZ-7' is already stored in store S1 as order 7001; this file gives it the "
                        + "order number 7002. An order number cannot change, so this order is not imported (row 1)");
        english.put(Reason.of(Reason.CONFLICT_STORED_PLATFORM_ID_PACKAGE, "AMZ-7", "S1", "7001", "7002", "1",
                "WB00000001"), "platform_order_id 'AMZ-7' is already stored in store S1 as order 7001, package "
                + "WB00000001; this file gives it the order number 7002. An order number cannot change, so this "
                + "order is not imported (row 1)");
        english.put(Reason.of(Reason.CONFLICT_STORED_ORDER_NO, "#1001", "S1", "gid://1", "gid://2", "1"),
                "order number #1001 is already stored in store S1 for platform_order_id 'gid://1'; this file gives "
                        + "it platform_order_id 'gid://2'. Two orders of one store cannot share an order number (an "
                        + "export without the marketplace's order id would capture the same order twice), so this "
                        + "order is not imported (row 1)");
        english.put(Reason.of(Reason.CONFLICT_STORED_ORDER_NO_PACKAGE, "#1001", "S1", "gid://1", "gid://2", "1",
                "WB00000001"), "order number #1001 is already stored in store S1 for platform_order_id 'gid://1', "
                + "package WB00000001; this file gives it platform_order_id 'gid://2'. Two orders of one store "
                + "cannot share an order number (an export without the marketplace's order id would capture the "
                + "same order twice), so this order is not imported (row 1)");
        for (Map.Entry<Reason, String> e : english.entrySet()) {
            Reason r = e.getKey();
            assertEquals(e.getValue(), r.english(), r.code());
            RowError row = new RowError(1, "platform_order_id", r);
            assertEquals(e.getValue(), Reasons.rowError(Locale.ENGLISH, row), r.code());
            String zh = Reasons.rowError(ZH, row);
            assertNotNull(zh, r.code());
            List<String> data = new ArrayList<>(List.of("AMZ-1", "AMZ-7", "gid://1", "gid://2", "P1", "P2", "S1"));
            assertFalse(latinSentence(zh, data), zh);
            assertTrue(zh.contains("行"), zh);
        }
        assertEquals("订单 1001 的平台订单号“AMZ-1”也是订单 1002（第 2、3、4、5、6 行及另外 2 行），订单 1003（无行号）的平台订单号；"
                + "一个平台订单不能有两个订单号，因此这些订单都不导入（第 1 行）", Reasons.text(ZH, Reason.of(
                        Reason.CONFLICT_PLATFORM_ID, "AMZ-1", "1001", many, "1")));
    }

    /** A sentence of Latin words once the data (the params, codes, numbers, U+ code points) is taken out. */
    static boolean latinSentence(String text, List<String> params) {
        String rest = text;
        for (String p : params) {
            if (!p.isBlank()) {
                rest = rest.replace(p, " ");
            }
        }
        return rest.replaceAll("U\\+[0-9A-F]+|name@domain\\.tld|[A-Z]{2,}|\\d", "").matches("(?s).*[A-Za-z]{3,}.*");
    }
}
