package io.waybill.itests;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values and small conversions that test classes of both suites (workflow and screens) share: the order-file
 * headers, the demo data's names, the way Waybill prints weights, EAN-13 numbers, the Shopify stub's endpoint.
 */
public final class Fixtures {

    /** The order-file columns every class that imports orders writes (the template's English header). */
    public static final String HEADER = "order_no,platform_order_id,order_date,buyer_name,company,address1,address2,"
            + "city,state,postal_code,country,phone,email,sku,quantity";
    /** The same with the order value columns (issue 12 item 6). */
    public static final String VALUE_HEADER = HEADER + ",unit_price,currency,order_total,shipping_paid,ship_by";
    /** The demo data's warehouses, in their priority order. */
    public static final List<String> WAREHOUSES = List.of("SZ-01", "US-LA", "DE-FRA");
    /** The demo data's Shopify store (orders of the browser classes go there). */
    public static final String ACME_SHOP = "ACME-SHOP";
    /** The Shopify GraphQL Admin endpoint the plugin calls (its pinned API version). */
    public static final String SHOPIFY_GRAPHQL = "/admin/api/2025-07/graphql.json";

    private static final Pattern KG = Pattern.compile("(\\d+)\\.(\\d{3}) kg");

    private Fixtures() {
    }

    /** A weight as Waybill prints it everywhere (core model Weights): kilograms with three decimals. */
    public static String kg(int grams) {
        return String.format(Locale.ROOT, "%d.%03d kg", grams / 1000, grams % 1000);
    }

    /** "1.234 kg" -> 1234. */
    public static int grams(String kg) {
        Matcher m = KG.matcher(kg);
        if (!m.matches()) {
            throw new AssertionError("weight '" + kg + "' is not 'n.nnn kg'");
        }
        return Integer.parseInt(m.group(1)) * 1000 + Integer.parseInt(m.group(2));
    }

    /** An EAN-13 in the GS1 "restricted circulation" range 200-299 with its check digit. */
    public static String ean13(int n) {
        String body = String.format(Locale.ROOT, "2%011d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }
}
