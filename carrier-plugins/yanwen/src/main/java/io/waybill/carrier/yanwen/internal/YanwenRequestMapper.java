package io.waybill.carrier.yanwen.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.carrier.RequestChecks;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;

import java.math.BigDecimal;
import java.util.Set;

import static io.waybill.plugin.kit.carrier.RequestChecks.country;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineQuantity;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineRequired;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineUnitWeight;
import static io.waybill.plugin.kit.carrier.RequestChecks.required;
import static io.waybill.plugin.kit.carrier.RequestChecks.street;
import static io.waybill.plugin.kit.carrier.RequestChecks.upper;

/**
 * {@link ShipmentRequest} → the body of {@code express.order.create}, and the limits the sources state checked before
 * anything is sent (SOURCES.md, "Limits"): at most 5 product lines, the accepted currencies, the required recipient
 * fields, a Chinese and an English name per line, weights in whole grams, the battery declaration.
 */
final class YanwenRequestMapper {

    static final int MAX_LINES = 5;
    static final Set<String> CURRENCIES = Set.of("USD", "EUR", "GBP", "CNY", "AUD", "CAD");
    static final Set<String> EU = RequestChecks.EU;

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
    private final RequestChecks checks;

    YanwenRequestMapper(Settings settings, Customs customs) {
        this.settings = settings;
        this.customs = customs;
        this.checks = checks();
    }

    String service(ShipmentRequest r) {
        return RequestChecks.service(r, settings.defaultService());
    }

    /** The {@code bad_request} refusal of the request ({@link RequestChecks#refusal}); null when it can be sent. */
    Message refusal(ShipmentRequest r) {
        return checks.refusal(r);
    }

    private RequestChecks checks() {
        return RequestChecks.of("Yanwen")
                .idempotencyKey("orderNumber")
                .service(this::service, "no Yanwen channel id (neither the shipping method's service nor the "
                        + "account's default)")
                .check((r, p) -> {
                    if (!settings.batteries().equals("0") && !settings.batteries().equals("1")) {
                        p.add("the account does not say whether parcels contain batteries (Yanwen requires "
                                + "hasBattery; set 'Parcels contain batteries' in the carrier account)");
                    }
                })
                .weight()
                .recipient(country("recipient"), required("recipient name", Address::name),
                        required("recipient phone", Address::phone), required("recipient state", Address::state),
                        required("recipient city", Address::city),
                        required("recipient postal code", Address::postalCode),
                        required("recipient address", RequestChecks::street))
                .noLines("no contents to declare")
                .check((r, p) -> {
                    if (r.items() != null && r.items().size() > MAX_LINES) {
                        p.add(r.items().size() + " declaration lines; Yanwen takes at most " + MAX_LINES);
                    }
                })
                .eachLine(lineRequired("English name", ShipmentRequest.Item::description), lineQuantity(),
                        lineUnitWeight(), this::declaredValue)
                .build();
    }

    /** A line's declared value: there, with a Chinese name, in an accepted currency, the one of the earlier lines. */
    private void declaredValue(RequestChecks.Line l, RequestChecks.Problems p) {
        String line = l.label();
        Declared d = customs.declared(l.item());
        if (!valued(d)) {
            p.add(line + " has no declared unit value (Yanwen requires price)");
            return;
        }
        p.required(line + " Chinese name (Yanwen requires goodsNameCh)", d.descriptionZh());
        String c = upper(d.currency());
        String before = earlierCurrency(l);
        if (!CURRENCIES.contains(c)) {
            p.add(line + " is declared in " + (c.isEmpty() ? "no currency" : c)
                    + "; Yanwen accepts USD, EUR, GBP, CNY, AUD or CAD");
        } else if (before != null && !before.equals(c)) {
            p.add("the lines are declared in " + before + " and " + c + "; Yanwen takes one currency per parcel");
        }
    }

    /** The currency of the nearest earlier line with a declared value; null when there is none. */
    private String earlierCurrency(RequestChecks.Line l) {
        for (int i = l.index() - 1; i >= 0; i--) {
            ShipmentRequest.Item item = l.request().items().get(i);
            Declared d = item == null ? null : customs.declared(item);
            if (valued(d)) {
                return upper(d.currency());
            }
        }
        return null;
    }

    private static boolean valued(Declared d) {
        return d != null && d.unitValue() != null && d.unitValue().signum() > 0;
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

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

}
