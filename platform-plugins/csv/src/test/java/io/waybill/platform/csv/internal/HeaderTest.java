package io.waybill.platform.csv.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderTest {

    private static final List<String> REQUIRED = List.of("order_no", "order_date", "buyer_name", "address1", "city",
            "country", "sku", "quantity");

    @Test
    void matchesNamesWhateverTheirCaseSpacingAndPunctuation() {
        // given
        List<String> fields = List.of("Order No.", "ORDER-DATE", " Buyer Name ", "Address Line 1", "City", "Country",
                "SKU", "Qty", "Postal_Code", "Platform Order ID");
        // when
        Header header = Header.of(fields);
        // then
        assertEquals(0, header.position(Column.ORDER_NO));
        assertEquals(7, header.position(Column.QUANTITY));
        assertEquals(8, header.position(Column.POSTAL_CODE));
        assertEquals(9, header.position(Column.PLATFORM_ORDER_ID));
        assertEquals("Qty", header.name(Column.QUANTITY));
        assertFalse(header.has(Column.EMAIL));
        assertTrue(header.ignored().isEmpty());
    }

    @Test
    void matchesChineseNames() {
        // given
        List<String> fields = List.of("订单号", "下单时间", "收件人", "地址1", "城市", "国家", "SKU", "数量", "省州", "邮编",
                "电话", "地址2");
        // when
        Header header = Header.of(fields);
        // then
        assertEquals(0, header.position(Column.ORDER_NO));
        assertEquals(8, header.position(Column.STATE));
        assertEquals(11, header.position(Column.ADDRESS2));
        assertEquals("数量", header.name(Column.QUANTITY));
    }

    @Test
    void listsUnknownAndUnnamedColumnsAsIgnored() {
        // given
        List<String> fields = new java.util.ArrayList<>(REQUIRED);
        fields.add("Gift message");
        fields.add("");
        // when
        Header header = Header.of(fields);
        // then
        assertEquals(List.of("'Gift message'", "(unnamed field 10)"), header.ignored());
    }

    @Test
    void missingColumnsAreNamedWithTheirAliases() {
        // given
        List<String> fields = List.of("Order No", "Buyer Name", "SKU");
        // when
        OrderFileException e = assertThrows(OrderFileException.class, () -> Header.of(fields));
        // then
        assertEquals("missing_columns", e.code());
        assertTrue(e.getMessage().startsWith("the header row lacks required columns order_date (or order_time,"),
                e.getMessage());
        for (String missing : List.of("order_date", "address1", "city", "country", "quantity")) {
            assertTrue(e.getMessage().contains(missing + " (or "), missing);
        }
        assertFalse(e.getMessage().contains("sku (or"));
        assertTrue(e.getMessage().endsWith("Found: 'Order No', 'Buyer Name', 'SKU'"), e.getMessage());
    }

    @Test
    void theSameNameTwiceIsRefused() {
        // given
        List<String> fields = new java.util.ArrayList<>(REQUIRED);
        fields.add("SKU");
        // when
        OrderFileException e = assertThrows(OrderFileException.class, () -> Header.of(fields));
        // then
        assertEquals("duplicate_column", e.code());
        assertEquals("the header has the column sku twice (fields 7 and 9: 'sku' and 'SKU'); keep one",
                e.getMessage());
    }

    @Test
    void twoAliasesOfOneColumnUseThePreferredOne() {
        // given Amazon-style phone columns: the ship-to phone is preferred over the buyer's
        List<String> fields = new java.util.ArrayList<>(REQUIRED);
        fields.add("buyer-phone-number");
        fields.add("ship-phone-number");
        // when
        Header header = Header.of(fields);
        // then
        assertEquals(9, header.position(Column.PHONE));
        assertEquals(List.of("'buyer-phone-number' (using 'ship-phone-number' for phone)"), header.ignored());
    }

    @Test
    void aByteOrderMarkLeftInTheFirstNameIsIgnored() {
        // given
        List<String> fields = new java.util.ArrayList<>(REQUIRED);
        fields.set(0, "\uFEFForder_no");
        // when / then
        assertEquals(0, Header.of(fields).position(Column.ORDER_NO));
    }
}
