package io.waybill.carrier.yanwen.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@link ShipmentRequest} → the body of {@code express.order.create}, and the limits the sources state checked before
 * anything is sent (SOURCES.md, "Limits"): at most 5 product lines, the accepted currencies, the required recipient
 * fields, a Chinese and an English name per line, weights in whole grams, the battery declaration.
 */
final class YanwenRequestMapper {

    static final int MAX_LINES = 5;
    static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "CNY", "AUD", "CAD");
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** Account settings the mapping needs; {@code batteries} is "0", "1" or empty (not declared). */
    record Settings(String defaultService, String batteries, String orderSource, String iossNo) {
    }

    /** The declared unit value and customs data of a line: {@link #SPI} reads the request's items (SPI 1.2). */
    interface Customs {
        Customs NONE = item -> null;
        Customs SPI = item -> item.unitValue() == null ? null
                : new Declared(item.unitValue(), item.currency(), item.hsCode(), item.descriptionZh());

        Declared declared(ShipmentRequest.Item item);
    }

    /** What customs data a line declares. */
    record Declared(BigDecimal unitValue, String currency, String hsCode, String descriptionZh) {
    }

    private final Settings settings;
    private final Customs customs;

    YanwenRequestMapper(Settings settings, Customs customs) {
        this.settings = settings;
        this.customs = customs;
    }

    String service(ShipmentRequest r) {
        String s = r.serviceCode() == null || r.serviceCode().isBlank() ? settings.defaultService() : r.serviceCode();
        return s == null ? "" : s.trim();
    }

    List<String> problems(ShipmentRequest r) {
        List<String> p = new ArrayList<>();
        if (r.idempotencyKey() == null || r.idempotencyKey().isBlank()) {
            p.add("no idempotency key (Yanwen's orderNumber)");
        }
        if (service(r).isEmpty()) {
            p.add("no Yanwen channel id (neither the shipping method's service nor the account's default)");
        }
        if (!settings.batteries().equals("0") && !settings.batteries().equals("1")) {
            p.add("the account does not say whether parcels contain batteries (Yanwen requires hasBattery; set "
                    + "'Parcels contain batteries' in the carrier account)");
        }
        if (r.weightGrams() <= 0) {
            p.add("the weight must be more than 0 g");
        }
        Address to = r.recipient();
        if (to == null) {
            p.add("no recipient address");
        } else {
            if (!COUNTRY.matcher(upper(to.countryCode())).matches()) {
                p.add("recipient country '" + upper(to.countryCode()) + "' is not a 2-letter ISO code");
            }
            required(p, "recipient name", to.name());
            required(p, "recipient phone", to.phone());
            required(p, "recipient state", to.state());
            required(p, "recipient city", to.city());
            required(p, "recipient postal code", to.postalCode());
            required(p, "recipient address", street(to));
        }
        List<ShipmentRequest.Item> items = r.items() == null ? List.of() : r.items();
        if (items.isEmpty()) {
            p.add("no contents to declare");
        }
        if (items.size() > MAX_LINES) {
            p.add(items.size() + " declaration lines; Yanwen takes at most " + MAX_LINES);
        }
        String currency = null;
        for (int i = 0; i < items.size(); i++) {
            ShipmentRequest.Item item = items.get(i);
            String line = "line " + (i + 1);
            if (item == null) {
                p.add(line + " is empty");
                continue;
            }
            required(p, line + " English name", item.description());
            if (item.quantity() <= 0) {
                p.add(line + " quantity must be more than 0");
            }
            if (item.weightGrams() <= 0) {
                p.add(line + " unit weight must be more than 0 g");
            }
            Declared d = customs.declared(item);
            if (d == null || d.unitValue() == null || d.unitValue().signum() <= 0) {
                p.add(line + " has no declared unit value (Yanwen requires price)");
                continue;
            }
            required(p, line + " Chinese name (Yanwen requires goodsNameCh)", d.descriptionZh());
            String c = upper(d.currency());
            if (!CURRENCIES.contains(c)) {
                p.add(line + " is declared in " + (c.isEmpty() ? "no currency" : c)
                        + "; Yanwen accepts USD, EUR, GBP, CNY, AUD or CAD");
            } else if (currency != null && !currency.equals(c)) {
                p.add("the lines are declared in " + currency + " and " + c + "; Yanwen takes one currency per parcel");
            }
            currency = c;
        }
        return p;
    }

    ObjectNode order(ShipmentRequest r) {
        ObjectNode o = Json.object();
        o.put("channelId", service(r));
        putIf(o, "orderSource", settings.orderSource());
        o.put("orderNumber", r.idempotencyKey());
        o.set("receiverInfo", address(r.recipient()));
        CustomsDeclaration.TaxIds taxIds = r.customs() == null ? CustomsDeclaration.TaxIds.NONE
                : r.customs().taxIds();
        if (r.sender() != null) {
            ObjectNode sender = address(r.sender());
            putIf(sender, "taxNumber", taxIds.vat());
            o.set("senderInfo", sender);
        }
        ObjectNode parcel = o.putObject("parcelInfo");
        parcel.put("hasBattery", Integer.parseInt(settings.batteries()));
        BigDecimal total = BigDecimal.ZERO;
        int quantity = 0;
        ArrayNode products = Json.MAPPER.createArrayNode();
        String currency = null;
        for (ShipmentRequest.Item item : r.items()) {
            Declared d = customs.declared(item);
            currency = upper(d.currency());
            total = total.add(d.unitValue().multiply(BigDecimal.valueOf(item.quantity())));
            quantity += item.quantity();
            ObjectNode product = products.addObject();
            product.put("goodsNameCh", d.descriptionZh().trim());
            product.put("goodsNameEn", item.description().trim());
            product.put("price", d.unitValue().stripTrailingZeros());
            product.put("quantity", item.quantity());
            product.put("weight", item.weightGrams());
            putIf(product, "hscode", d.hsCode());
        }
        parcel.put("currency", currency);
        parcel.put("totalPrice", total.stripTrailingZeros());
        parcel.put("totalQuantity", quantity);
        parcel.put("totalWeight", r.weightGrams());
        String ioss = !taxIds.ioss().isBlank() ? taxIds.ioss()
                : settings.iossNo() == null ? "" : settings.iossNo().trim();
        if (EU.contains(upper(r.recipient().countryCode())) && !ioss.isBlank()) {
            parcel.put("ioss", ioss);
        }
        parcel.set("productList", products);
        return o;
    }

    /** An address; the country as its ISO code, which Yanwen takes in place of its own country id (SOURCES.md). */
    private static ObjectNode address(Address a) {
        ObjectNode n = Json.object();
        putIf(n, "name", a.name());
        putIf(n, "phone", a.phone());
        putIf(n, "email", a.email());
        putIf(n, "company", a.company());
        putIf(n, "country", upper(a.countryCode()));
        putIf(n, "state", a.state());
        putIf(n, "city", a.city());
        putIf(n, "zipCode", a.postalCode());
        putIf(n, "address", street(a));
        return n;
    }

    private static String street(Address a) {
        String l1 = a.line1() == null ? "" : a.line1().trim();
        String l2 = a.line2() == null ? "" : a.line2().trim();
        return l2.isEmpty() ? l1 : l1.isEmpty() ? l2 : l1 + ", " + l2;
    }

    private static void required(List<String> p, String what, String value) {
        if (value == null || value.isBlank()) {
            p.add("no " + what);
        }
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

    static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
