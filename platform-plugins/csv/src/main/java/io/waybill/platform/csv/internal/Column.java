package io.waybill.platform.csv.internal;

import java.util.List;
import java.util.Locale;

/**
 * The columns Waybill reads from an order file, with the header names (aliases, English and Chinese) each is known
 * by. Header names are matched after {@link #normalize}: case, spaces, underscores, hyphens and punctuation do not
 * matter, so {@code Order No.}, {@code order-no} and {@code ORDER_NO} are the same name.
 */
enum Column {
    ORDER_NO("order_no", true, true,
            "order_no", "order_number", "订单号", "订单编号"),
    PLATFORM_ORDER_ID("platform_order_id", false, true,
            "platform_order_id", "marketplace_order_id", "external_order_id", "order_id", "平台订单号", "平台单号"),
    ORDER_DATE("order_date", true, true,
            "order_date", "order_time", "created_at", "purchase_date", "下单时间", "下单日期", "订单日期", "创建时间"),
    BUYER_NAME("buyer_name", true, true,
            "buyer_name", "recipient", "recipient_name", "ship_name", "shipping_name", "收件人", "收件人姓名", "收货人"),
    COMPANY("company", false, true,
            "company", "company_name", "ship_company", "公司", "公司名称"),
    ADDRESS1("address1", true, true,
            "address1", "address_line_1", "address", "street", "ship_address_1", "地址1", "地址", "收货地址", "详细地址"),
    ADDRESS2("address2", false, true,
            "address2", "address_line_2", "ship_address_2", "地址2"),
    CITY("city", true, true,
            "city", "town", "ship_city", "城市"),
    STATE("state", false, true,
            "state", "province", "region", "state_province", "ship_state", "省州", "省份", "州"),
    POSTAL_CODE("postal_code", false, true,
            "postal_code", "postcode", "zip", "zip_code", "ship_postal_code", "邮编", "邮政编码"),
    COUNTRY("country", true, true,
            "country", "country_code", "ship_country", "国家", "国家代码"),
    PHONE("phone", false, true,
            "phone", "phone_number", "telephone", "tel", "mobile", "ship_phone_number", "buyer_phone_number",
            "电话", "联系电话", "手机"),
    EMAIL("email", false, true,
            "email", "email_address", "buyer_email", "邮箱", "电子邮箱"),
    SKU("sku", true, false,
            "sku", "seller_sku", "item_sku", "商品编码", "货号"),
    QUANTITY("quantity", true, false,
            "quantity", "qty", "quantity_to_ship", "quantity_purchased", "数量"),
    CANCELLED("cancelled", false, true,
            "cancelled", "canceled", "is_cancelled", "已取消", "是否取消"),
    UNIT_PRICE("unit_price", false, false,
            "unit_price", "price_per_unit", "单价", "商品单价"),
    CURRENCY("currency", false, true,
            "currency", "currency_code", "币种", "货币"),
    ORDER_TOTAL("order_total", false, true,
            "order_total", "total_paid", "订单金额", "订单总额"),
    SHIPPING_PAID("shipping_paid", false, true,
            "shipping_paid", "shipping_price", "shipping_fee", "运费"),
    SHIP_BY("ship_by", false, true,
            "ship_by", "ship_by_date", "latest_ship_date", "最晚发货时间", "发货截止日期"),
    BUYER_NOTE("buyer_note", false, true,
            "buyer_note", "buyer_message", "customer_note", "order_note", "买家留言", "买家备注",
            "客户留言");

    private final String canonical;
    private final boolean required;
    private final boolean orderLevel;
    private final List<String> aliases;

    Column(String canonical, boolean required, boolean orderLevel, String... aliases) {
        this.canonical = canonical;
        this.required = required;
        this.orderLevel = orderLevel;
        this.aliases = List.of(aliases);
    }

    /** The name used in Waybill's documentation and messages, e.g. {@code order_no}. */
    String canonical() {
        return canonical;
    }

    /** Whether the header must contain this column. */
    boolean required() {
        return required;
    }

    /** Whether the value belongs to the order (and must be the same on every row of it) rather than to the line. */
    boolean orderLevel() {
        return orderLevel;
    }

    /** Header names for this column, in order of preference when a file has more than one of them. */
    List<String> aliases() {
        return aliases;
    }

    /**
     * A header name reduced to what matters for matching: lower case letters and digits of any script, everything
     * else (spaces, {@code _}, {@code -}, {@code .}, {@code #}) dropped.
     */
    static String normalize(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        lower.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }
}
