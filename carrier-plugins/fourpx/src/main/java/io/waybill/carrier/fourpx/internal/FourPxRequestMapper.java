package io.waybill.carrier.fourpx.internal;

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
import static io.waybill.plugin.kit.carrier.RequestChecks.required;
import static io.waybill.plugin.kit.carrier.RequestChecks.street;
import static io.waybill.plugin.kit.carrier.RequestChecks.upper;

/**
 * {@link ShipmentRequest} → the body of {@code ds.xms.order.create}, and the limits the sources state checked before
 * anything is sent (SOURCES.md, "Limits"): declarations in USD only, prices with at most 4 decimals, the required
 * address fields, weights in whole grams.
 */
final class FourPxRequestMapper {

    static final Set<String> CURRENCIES = Set.of("USD");
    static final int PRICE_DECIMALS = 4;

    static final Set<String> EU = RequestChecks.EU;

    /** Account settings the mapping needs. */
    record Settings(String defaultService, String deliverType, String iossNo) {
    }

    /** The declared unit value and customs data of a line: {@link #SPI} reads the request's items (SPI 1.2). */
    interface Customs {
        Customs NONE = item -> null;
        Customs SPI = item -> item.unitValue() == null ? null : new Declared(item.unitValue(), item.currency(),
                item.hsCode(), item.descriptionZh(), item.originCountry());

        Declared declared(ShipmentRequest.Item item);
    }

    /** What customs data a line declares. */
    record Declared(BigDecimal unitValue, String currency, String hsCode, String descriptionZh, String origin) {
    }

    private final Settings settings;
    private final Customs customs;
    private final RequestChecks checks;

    FourPxRequestMapper(Settings settings, Customs customs) {
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
        return RequestChecks.of("4PX")
                .idempotencyKey("ref_no")
                .service(this::service, "no 4PX logistics product code (neither the shipping method's service nor "
                        + "the account's default)")
                .weight()
                .recipient(country("recipient"), required("recipient name", Address::name),
                        required("recipient phone", Address::phone), required("recipient city", Address::city),
                        required("recipient street", RequestChecks::street))
                .sender("no sender address (the warehouse)", country("sender"), required("sender name", Address::name),
                        required("sender city", Address::city))
                .noLines("no contents to declare")
                .eachLine(lineRequired("English description", ShipmentRequest.Item::description), lineQuantity(),
                        this::declaredValue)
                .build();
    }

    /** A line's declared unit value: there, in USD, with at most {@link #PRICE_DECIMALS} decimals. */
    private void declaredValue(RequestChecks.Line l, RequestChecks.Problems p) {
        String line = l.label();
        Declared d = customs.declared(l.item());
        if (d == null || d.unitValue() == null || d.unitValue().signum() <= 0) {
            p.add(line + " has no declared unit value (4PX requires product_unit_price)");
            return;
        }
        String currency = upper(d.currency());
        if (!CURRENCIES.contains(currency)) {
            p.add(line + " is declared in " + (currency.isEmpty() ? "no currency" : currency)
                    + "; 4PX accepts only USD");
        }
        if (d.unitValue().stripTrailingZeros().scale() > PRICE_DECIMALS) {
            p.add(line + " unit value " + d.unitValue().toPlainString() + " has more than " + PRICE_DECIMALS
                    + " decimals");
        }
    }

    /** The order body for a request that has no {@link #problems}. */
    ObjectNode order(ShipmentRequest r) {
        ObjectNode o = Json.object();
        o.put("ref_no", r.idempotencyKey());
        o.put("business_type", "BDS");
        o.put("duty_type", "U");
        String destination = upper(r.recipient().countryCode());
        CustomsDeclaration.TaxIds taxIds = r.customs() == null ? CustomsDeclaration.TaxIds.NONE
                : r.customs().taxIds();
        String ioss = !taxIds.ioss().isBlank() ? taxIds.ioss()
                : settings.iossNo() == null ? "" : settings.iossNo().trim();
        if (EU.contains(destination) && !ioss.isBlank()) {
            o.put("ioss_no", ioss);
        }
        putIf(o, "vat_no", taxIds.vat());
        putIf(o, "eori_no", taxIds.eori());
        if (r.customs() != null) {
            o.put("cargo_type", cargoType(r.customs().category()));
        }
        o.putObject("logistics_service_info").put("logistics_product_code", service(r));
        ObjectNode parcel = o.putArray("parcel_list").addObject();
        parcel.put("weight", r.weightGrams());
        BigDecimal total = BigDecimal.ZERO;
        ArrayNode products = Json.MAPPER.createArrayNode();
        ArrayNode declared = Json.MAPPER.createArrayNode();
        for (ShipmentRequest.Item item : r.items()) {
            Declared d = customs.declared(item);
            BigDecimal price = d.unitValue().stripTrailingZeros();
            total = total.add(d.unitValue().multiply(BigDecimal.valueOf(item.quantity())));
            ObjectNode product = products.addObject();
            putIf(product, "sku_code", item.sku());
            product.put("product_name", item.description().trim());
            product.put("product_unit_price", price);
            product.put("currency", upper(d.currency()));
            product.put("qty", item.quantity());
            ObjectNode line = declared.addObject();
            putIf(line, "declare_product_name_cn", d.descriptionZh());
            line.put("declare_product_name_en", item.description().trim());
            line.put("declare_product_code_qty", item.quantity());
            putIf(line, "origin_country", upper(d.origin()));
            putIf(line, "hscode_export", d.hsCode());
            line.put("declare_unit_price_export", price);
            line.put("currency_export", upper(d.currency()));
            line.put("declare_unit_price_import", price);
            line.put("currency_import", upper(d.currency()));
        }
        parcel.put("parcel_value", total.stripTrailingZeros());
        parcel.put("currency", upper(customs.declared(r.items().get(0)).currency()));
        parcel.set("product_list", products);
        parcel.set("declare_product_info", declared);
        o.put("is_insure", "N");
        o.set("sender", address(r.sender()));
        o.set("recipient_info", address(r.recipient()));
        o.putObject("deliver_type_info").put("deliver_type", settings.deliverType());
        return o;
    }

    /** 4PX cargo_type: 1 gift, 2 documents, 3 sample, 5 other (SOURCES.md). */
    static String cargoType(CustomsDeclaration.Category category) {
        return switch (category) {
            case GIFT -> "1";
            case DOCUMENTS -> "2";
            case SAMPLE -> "3";
            default -> "5";
        };
    }

    private static ObjectNode address(Address a) {
        ObjectNode n = Json.object();
        n.put("first_name", a.name().trim());
        putIf(n, "company", a.company());
        putIf(n, "phone", a.phone());
        putIf(n, "email", a.email());
        putIf(n, "post_code", a.postalCode());
        n.put("country", upper(a.countryCode()));
        putIf(n, "state", a.state());
        n.put("city", a.city().trim());
        putIf(n, "street", street(a));
        return n;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

}
