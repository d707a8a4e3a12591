package io.waybill.carrier.yunexpress.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.waybill.plugin.kit.json.Json;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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
    static final Set<String> EU = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU",
            "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

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

    YunExpressRequestMapper(Settings settings, Customs customs) {
        this.settings = settings;
        this.customs = customs;
    }

    /** The shipping method code: the request's service, else the account's default; blank when neither is set. */
    String service(ShipmentRequest r) {
        String s = r.serviceCode() == null || r.serviceCode().isBlank() ? settings.defaultService() : r.serviceCode();
        return s == null ? "" : s.trim();
    }

    /** Why this request cannot be sent to YunExpress; empty when it can. */
    List<String> problems(ShipmentRequest r) {
        List<String> p = new ArrayList<>();
        String key = r.idempotencyKey();
        if (key == null || key.isBlank()) {
            p.add("no idempotency key (YunExpress's CustomerOrderNumber)");
        } else {
            max(p, "CustomerOrderNumber (the idempotency key)", key, CUSTOMER_ORDER_NUMBER);
        }
        String service = service(r);
        if (service.isEmpty()) {
            p.add("no YunExpress shipping method code (neither the shipping method's service nor the account's "
                    + "default)");
        } else {
            max(p, "shipping method code", service, SHIPPING_METHOD_CODE);
        }
        if (r.weightGrams() <= 0) {
            p.add("the weight must be more than 0 g");
        }
        Address to = r.recipient();
        if (to == null) {
            p.add("no recipient address");
        } else {
            String country = upper(to.countryCode());
            if (!COUNTRY.matcher(country).matches()) {
                p.add("recipient country '" + country + "' is not a 2-letter ISO code");
            }
            required(p, "recipient name", to.name(), RECEIVER_NAME);
            required(p, "recipient street", street(to), STREET);
            required(p, "recipient city", to.city(), CITY);
            max(p, "recipient company", to.company(), RECEIVER_COMPANY);
            max(p, "recipient state", to.state(), STATE);
            max(p, "recipient postal code", to.postalCode(), ZIP);
            max(p, "recipient phone", to.phone(), RECEIVER_PHONE);
            max(p, "recipient e-mail", to.email(), RECEIVER_EMAIL);
        }
        Address from = r.sender();
        if (from != null) {
            max(p, "sender name", from.name(), SENDER_NAME);
            max(p, "sender company", from.company(), SENDER_COMPANY);
            max(p, "sender street", street(from), STREET);
            max(p, "sender city", from.city(), CITY);
            max(p, "sender state", from.state(), STATE);
            max(p, "sender postal code", from.postalCode(), ZIP);
            max(p, "sender phone", from.phone(), SENDER_PHONE);
        }
        List<ShipmentRequest.Item> items = r.items() == null ? List.of() : r.items();
        if (items.isEmpty()) {
            p.add("no contents to declare (YunExpress needs at least one declaration line)");
        }
        String destination = to == null ? "" : upper(to.countryCode());
        for (int i = 0; i < items.size(); i++) {
            ShipmentRequest.Item item = items.get(i);
            String line = "line " + (i + 1);
            if (item == null) {
                p.add(line + " is empty");
                continue;
            }
            required(p, line + " English description", item.description(), ENAME);
            max(p, line + " SKU", item.sku(), SKU);
            if (item.quantity() <= 0) {
                p.add(line + " quantity must be more than 0");
            }
            if (item.weightGrams() <= 0) {
                p.add(line + " unit weight must be more than 0 g");
            }
            Declared d = customs.declared(item);
            if (d == null || d.unitValue() == null || d.unitValue().signum() <= 0) {
                p.add(line + " has no declared unit value (YunExpress requires UnitPrice)");
            } else {
                String currency = upper(d.currency());
                if (!accepted(currency, destination)) {
                    p.add(line + " is declared in " + (currency.isEmpty() ? "no currency" : currency)
                            + "; YunExpress accepts " + acceptedText(destination) + " for " + destination);
                }
                max(p, line + " HS code", d.hsCode(), HS_CODE);
                max(p, line + " Chinese description", d.descriptionZh(), CNAME);
            }
        }
        max(p, "IOSS code", ioss(r), TAX_ID);
        max(p, "EORI number", taxIds(r).eori(), TAX_ID);
        max(p, "VAT number", taxIds(r).vat(), TAX_ID);
        return p;
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

    private static String street(Address a) {
        String l1 = a.line1() == null ? "" : a.line1().trim();
        String l2 = a.line2() == null ? "" : a.line2().trim();
        return l2.isEmpty() ? l1 : l1.isEmpty() ? l2 : l1 + ", " + l2;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.trim());
        }
    }

    private static void required(List<String> p, String what, String value, int max) {
        if (value == null || value.isBlank()) {
            p.add("no " + what);
        } else {
            max(p, what, value, max);
        }
    }

    private static void max(List<String> p, String what, String value, int max) {
        if (value != null) {
            int length = value.trim().codePointCount(0, value.trim().length());
            if (length > max) {
                p.add(what + " has " + length + " characters; YunExpress takes at most " + max);
            }
        }
    }

    static String upper(String s) {
        return s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
    }
}
