package io.waybill.carrier.yunexpress.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.carrier.RequestChecks;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

import static io.waybill.plugin.kit.carrier.RequestChecks.country;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineMax;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineQuantity;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineRequired;
import static io.waybill.plugin.kit.carrier.RequestChecks.lineUnitWeight;
import static io.waybill.plugin.kit.carrier.RequestChecks.max;
import static io.waybill.plugin.kit.carrier.RequestChecks.required;
import static io.waybill.plugin.kit.carrier.RequestChecks.street;
import static io.waybill.plugin.kit.carrier.RequestChecks.upper;

/**
 * {@link ShipmentRequest} → one order of {@code POST /WayBill/CreateOrder} (the body is an array of such orders), and
 * every limit YunExpress states checked before anything is sent: each limit below names its source in the test
 * resources' SOURCES.md ("Limits"). A request breaking one is refused with a reason naming the field, the value's
 * length and the limit; nothing is sent for it.
 */
final class YunExpressRequestMapper {

    /** Most orders one CreateOrder call takes. */
    static final int MAX_ORDERS_PER_CALL = 10;

    static final int CUSTOMER_ORDER_NUMBER = 50;
    static final int SHIPPING_METHOD_CODE = 50;
    static final int RECEIVER_NAME = 50;
    static final int RECEIVER_COMPANY = 200;
    static final int STREET = 200;
    static final int CITY = 100;
    static final int STATE = 100;
    static final int ZIP = 50;
    static final int RECEIVER_PHONE = 200;
    static final int RECEIVER_EMAIL = 100;
    static final int SENDER_NAME = 50;
    static final int SENDER_COMPANY = 500;
    static final int SENDER_PHONE = 20;
    static final int ENAME = 200;
    static final int CNAME = 500;
    static final int HS_CODE = 50;
    static final int SKU = 50;
    static final int TAX_ID = 50;

    /** EU member states (for the IOSS code and the declaration currency). */
    static final Set<String> EU = RequestChecks.EU;

    /** Account settings the mapping needs. */
    record Settings(String defaultService, String iossCode) {
    }

    /**
     * The declared unit value of a line and its currency: {@link #SPI} reads them from the request's items (carrier
     * SPI 1.2); a line without a value (a 1.1 request) is refused, since YunExpress requires {@code UnitPrice}.
     */
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

    YunExpressRequestMapper(Settings settings, Customs customs) {
        this.settings = settings;
        this.customs = customs;
        this.checks = checks();
    }

    /** The shipping method code: the request's service, else the account's default; blank when neither is set. */
    String service(ShipmentRequest r) {
        return RequestChecks.service(r, settings.defaultService());
    }

    /** The {@code bad_request} refusal of the request ({@link RequestChecks#refusal}); null when it can be sent. */
    Message refusal(ShipmentRequest r) {
        return checks.refusal(r);
    }

    private RequestChecks checks() {
        return RequestChecks.of("YunExpress")
                .idempotencyKey("CustomerOrderNumber", "CustomerOrderNumber (the idempotency key)",
                        CUSTOMER_ORDER_NUMBER)
                .service(this::service, "no YunExpress shipping method code (neither the shipping method's service "
                        + "nor the account's default)", "shipping method code", SHIPPING_METHOD_CODE)
                .weight()
                .recipient(country("recipient"), required("recipient name", Address::name, RECEIVER_NAME),
                        required("recipient street", RequestChecks::street, STREET),
                        required("recipient city", Address::city, CITY),
                        max("recipient company", Address::company, RECEIVER_COMPANY),
                        max("recipient state", Address::state, STATE),
                        max("recipient postal code", Address::postalCode, ZIP),
                        max("recipient phone", Address::phone, RECEIVER_PHONE),
                        max("recipient e-mail", Address::email, RECEIVER_EMAIL))
                .sender(null, max("sender name", Address::name, SENDER_NAME),
                        max("sender company", Address::company, SENDER_COMPANY),
                        max("sender street", RequestChecks::street, STREET), max("sender city", Address::city, CITY),
                        max("sender state", Address::state, STATE),
                        max("sender postal code", Address::postalCode, ZIP),
                        max("sender phone", Address::phone, SENDER_PHONE))
                .noLines("no contents to declare (YunExpress needs at least one declaration line)")
                .eachLine(lineRequired("English description", ShipmentRequest.Item::description, ENAME),
                        lineMax("SKU", ShipmentRequest.Item::sku, SKU), lineQuantity(), lineUnitWeight(),
                        this::declaredValue)
                .check((r, p) -> {
                    p.max("IOSS code", ioss(r), TAX_ID);
                    p.max("EORI number", taxIds(r).eori(), TAX_ID);
                    p.max("VAT number", taxIds(r).vat(), TAX_ID);
                })
                .build();
    }

    /** A line's declared unit value: there, in a currency accepted for the destination; its HS code and Chinese name. */
    private void declaredValue(RequestChecks.Line l, RequestChecks.Problems p) {
        String line = l.label();
        Address to = l.request().recipient();
        String destination = to == null ? "" : upper(to.countryCode());
        Declared d = customs.declared(l.item());
        if (d == null || d.unitValue() == null || d.unitValue().signum() <= 0) {
            p.add(line + " has no declared unit value (YunExpress requires UnitPrice)");
        } else {
            String currency = upper(d.currency());
            if (!accepted(currency, destination)) {
                p.add(line + " is declared in " + (currency.isEmpty() ? "no currency" : currency)
                        + "; YunExpress accepts " + acceptedText(destination) + " for " + destination);
            }
            p.max(line + " HS code", d.hsCode(), HS_CODE);
            p.max(line + " Chinese description", d.descriptionZh(), CNAME);
        }
    }

    /** Declaration currencies: USD; GBP or EUR to the United Kingdom; EUR to EU countries (SOURCES.md, Limits). */
    static boolean accepted(String currency, String destination) {
        return currency.equals("USD") || (destination.equals("GB") && (currency.equals("GBP")
                || currency.equals("EUR"))) || (EU.contains(destination) && currency.equals("EUR"));
    }

    private static String acceptedText(String destination) {
        return destination.equals("GB") ? "USD, GBP or EUR" : EU.contains(destination) ? "USD or EUR" : "only USD";
    }

    /** The order object for a request that has no {@link #problems}. */
    ObjectNode order(ShipmentRequest r) {
        ObjectNode o = Json.object();
        o.put("CustomerOrderNumber", r.idempotencyKey());
        o.put("ShippingMethodCode", service(r));
        o.put("PackageCount", 1);
        o.put("Weight", kg(r.weightGrams()));
        Address to = r.recipient();
        String destination = upper(to.countryCode());
        ObjectNode receiver = o.putObject("Receiver");
        receiver.put("CountryCode", destination);
        receiver.put("FirstName", to.name().trim());
        putIf(receiver, "Company", to.company());
        receiver.put("Street", street(to));
        receiver.put("City", to.city().trim());
        putIf(receiver, "State", to.state());
        putIf(receiver, "Zip", to.postalCode());
        putIf(receiver, "Phone", to.phone());
        putIf(receiver, "Email", to.email());
        Address from = r.sender();
        if (from != null) {
            ObjectNode sender = o.putObject("Sender");
            putIf(sender, "CountryCode", upper(from.countryCode()));
            putIf(sender, "FirstName", from.name());
            putIf(sender, "Company", from.company());
            putIf(sender, "Street", street(from));
            putIf(sender, "City", from.city());
            putIf(sender, "State", from.state());
            putIf(sender, "Zip", from.postalCode());
            putIf(sender, "Phone", from.phone());
        }
        ArrayNode parcels = o.putArray("Parcels");
        for (ShipmentRequest.Item item : r.items()) {
            Declared d = customs.declared(item);
            ObjectNode parcel = parcels.addObject();
            parcel.put("EName", item.description().trim());
            putIf(parcel, "CName", d.descriptionZh());
            putIf(parcel, "HSCode", d.hsCode());
            parcel.put("Quantity", item.quantity());
            parcel.put("UnitPrice", d.unitValue().setScale(2, RoundingMode.HALF_UP));
            parcel.put("UnitWeight", kg(item.weightGrams()));
            parcel.put("CurrencyCode", upper(d.currency()));
            putIf(parcel, "SKU", item.sku());
        }
        String ioss = ioss(r);
        if (EU.contains(destination) && !ioss.isBlank()) {
            o.put("IossCode", ioss);
        }
        putIf(o, "EoriNumber", taxIds(r).eori());
        putIf(o, "TaxNumber", taxIds(r).vat());
        if (r.customs() != null) {
            o.put("ApplicationType", applicationType(r.customs().category()));
        }
        return o;
    }

    /** The shipper's IOSS number of the request (SPI 1.2), else the account's IOSS code. */
    private String ioss(ShipmentRequest r) {
        String fromRequest = taxIds(r).ioss();
        return !fromRequest.isBlank() ? fromRequest : settings.iossCode() == null ? "" : settings.iossCode().trim();
    }

    private static CustomsDeclaration.TaxIds taxIds(ShipmentRequest r) {
        return r.customs() == null ? CustomsDeclaration.TaxIds.NONE : r.customs().taxIds();
    }

    /** CN22 "ApplicationType": 1 gift, 2 sample, 3 documents, 4 others (SOURCES.md). */
    static int applicationType(CustomsDeclaration.Category category) {
        return switch (category) {
            case GIFT -> 1;
            case SAMPLE -> 2;
            case DOCUMENTS -> 3;
            default -> 4;
        };
    }

    /** Kilograms with three decimals, as YunExpress wants weights. */
    static BigDecimal kg(int grams) {
        return BigDecimal.valueOf(grams).movePointLeft(3).setScale(3, RoundingMode.UNNECESSARY);
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

}
