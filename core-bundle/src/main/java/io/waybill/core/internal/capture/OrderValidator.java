package io.waybill.core.internal.capture;

import io.waybill.core.internal.workflow.TextRules;
import io.waybill.core.model.Reason;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a seller needs before an order may enter the workflow: required address fields per destination,
 * known SKUs, positive quantities, text that fits and holds no control characters. Text in any script is accepted
 * and kept exactly.
 */
public final class OrderValidator {

    /**
     * A problem found in one order.
     *
     * @param line       0-based index of the order line it is about, -1 when it is about the order
     * @param code       the form's kind of problem ({@link #CODE_REQUIRED}, ... or {@link #CODE_INVALID})
     * @param structured the problem as data ({@code order_*} of {@link Reason}), without its field
     */
    public record Problem(String field, int line, String code, String value, Reason structured) {
        Problem(String field, int line, Reason structured) {
            this(field, line, CODE_INVALID, null, structured);
        }

        Problem(String field, Reason structured) {
            this(field, -1, structured);
        }

        /** The problem in English, without its field (e.g. "is required for destination DE"). */
        public String reason() {
            return structured.english();
        }
    }

    /**
     * Kinds of problems with a code of their own, so a form can say them in the operator's language (with
     * {@link Problem#value()} as the offending value); every other problem has {@link #CODE_INVALID}.
     */
    public static final String CODE_INVALID = "invalid";
    public static final String CODE_REQUIRED = "required";
    public static final String CODE_EMAIL = "invalid_email";
    public static final String CODE_PHONE = "invalid_phone";
    public static final String CODE_POSTAL_CODE = "invalid_postal_code";
    public static final String CODE_UNKNOWN_SKU = "unknown_sku";
    public static final String CODE_TOO_HEAVY = "too_heavy";

    /**
     * The heaviest parcel one order may make, in grams (its SKUs' catalogue weights times quantities, with the
     * packaging): above it no parcel carrier Waybill ships with takes the package, so the order is split first.
     */
    public static final int MAX_PARCEL_GRAMS = 30_000;

    /** Amounts are stored as DECIMAL(19, 4): at most 15 digits before the point. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000000");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    /** Digits with the usual separators, an optional leading + and an optional extension. */
    private static final Pattern PHONE = Pattern.compile(
            "[+(]{0,2}[0-9][0-9 ()./-]*(\\s*(x|ext\\.?|#)\\s*[0-9]{1,6})?", Pattern.CASE_INSENSITIVE);

    static final int MAX_QUANTITY = 10_000;
    static final int MAX_LINES = 200;
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    /** Destinations without a postal code system (postal code optional). */
    private static final Set<String> NO_POSTAL_CODE = Set.of("AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS",
            "BW", "BZ", "CD", "CF", "CG", "CI", "CK", "CM", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY",
            "HK", "IE", "JM", "KI", "KM", "KN", "KP", "LC", "ML", "MO", "MR", "MW", "NR", "NU", "QA", "RW", "SB", "SC",
            "SL", "SO", "SR", "ST", "SY", "TD", "TF", "TG", "TK", "TL", "TO", "TT", "TV", "UG", "VU", "YE", "ZW");
    /** Destinations whose carriers need the state / province. */
    private static final Set<String> STATE_REQUIRED = Set.of("US", "CA", "AU", "BR", "MX", "IN");
    private static final Map<String, Pattern> POSTAL_FORMATS = Map.of(
            "US", Pattern.compile("\\d{5}(-\\d{4})?"),
            "CA", Pattern.compile("[A-Za-z]\\d[A-Za-z] ?\\d[A-Za-z]\\d"),
            "GB", Pattern.compile("[A-Za-z]{1,2}\\d[A-Za-z\\d]? ?\\d[A-Za-z]{2}"),
            "DE", Pattern.compile("\\d{5}"),
            "FR", Pattern.compile("\\d{5}"),
            "CN", Pattern.compile("\\d{6}"),
            "AU", Pattern.compile("\\d{4}"),
            "JP", Pattern.compile("\\d{3}-?\\d{4}"),
            "RU", Pattern.compile("\\d{6}"));

    /**
     * Which characters of a text cannot be printed on a label ({@link io.waybill.core.api.PrintService#unprintable}).
     * {@link #ANY} when no print service is installed: nothing can be checked, and nothing can be printed either
     * until one is; the print service then refuses a label with such text instead of drawing it garbled.
     */
    @FunctionalInterface
    public interface Printable {
        /** Every character prints (no print service to ask). */
        Printable ANY = text -> List.of();

        List<Integer> unprintable(String text);
    }

    /** The fields printed on a label, with their names in problems. */
    private static final List<String> PRINTED_FIELDS = List.of("buyer_name", "company", "address1", "address2",
            "city", "state", "postal_code", "country", "phone");

    private OrderValidator() {
    }

    /** {@link #validate(PlatformOrder, Set, Printable)} without the label check. */
    public static List<Problem> validate(PlatformOrder order, Set<String> knownSkus) {
        return validate(order, knownSkus, Printable.ANY);
    }

    /** {@link #validateAddress(Address, Printable)} without the label check. */
    public static List<Problem> validateAddress(Address a) {
        return validateAddress(a, Printable.ANY);
    }

    /**
     * Checks an order.
     *
     * @param knownSkus SKU codes that exist; null when an unknown SKU is not a problem (capture holds such an order
     *                  in SKU_UNMATCHED instead of refusing it)
     * @param printable  which characters a label can show; the recipient and address must print whole
     * @return problems; empty when the order may be captured
     */
    public static List<Problem> validate(PlatformOrder order, Set<String> knownSkus, Printable printable) {
        List<Problem> problems = new ArrayList<>();
        text(problems, "platform_order_id", order.platformOrderId(), true, 100);
        text(problems, "order_no", order.orderNo(), true, 100);
        problems.addAll(validateAddress(order.shipTo(), printable));
        if (order.lines().isEmpty()) {
            problems.add(new Problem("sku", Reason.of(Reason.ORDER_NO_LINES)));
        } else if (order.lines().size() > MAX_LINES) {
            problems.add(new Problem("sku", Reason.of(Reason.ORDER_TOO_MANY_LINES, MAX_LINES)));
        }
        int index = 0;
        for (PlatformOrder.Line line : order.lines()) {
            String sku = line.sku() == null ? "" : line.sku().strip();
            if (sku.isEmpty()) {
                problems.add(new Problem("sku", index, CODE_REQUIRED, null, Reason.of(Reason.ORDER_REQUIRED)));
            } else if (knownSkus != null && !knownSkus.contains(sku)) {
                problems.add(new Problem("sku", index, CODE_UNKNOWN_SKU, TextRules.visible(sku),
                        Reason.of(Reason.ORDER_UNKNOWN_SKU, TextRules.visible(sku))));
            }
            if (line.quantity() <= 0) {
                problems.add(new Problem("quantity", index, sku.isEmpty()
                        ? Reason.of(Reason.ORDER_QUANTITY_NOT_POSITIVE, line.quantity())
                        : Reason.of(Reason.ORDER_QUANTITY_NOT_POSITIVE_SKU, line.quantity(), TextRules.visible(sku))));
            } else if (line.quantity() > MAX_QUANTITY) {
                problems.add(new Problem("quantity", index, Reason.of(Reason.ORDER_QUANTITY_TOO_LARGE, MAX_QUANTITY,
                        line.quantity())));
            }
            // the marketplace's line id (SPI 1.6, V39): optional, kept to WB_ORDER_LINE.PLATFORM_LINE_ID's length
            text(problems, "line_id", line.lineId(), false, OrderWriter.LINE_ID_MAX);
            index++;
        }
        problems.addAll(validateValue(order));
        return problems;
    }

    /**
     * Checks what an order is worth and the buyer's contact (SPI 1.2): every currency a known ISO 4217 code, every
     * line in the order's currency, amounts not negative and with no more decimals than the currency has (2 for USD,
     * 0 for JPY, 3 for KWD), a currency wherever there is an amount, the total not below the shipping paid, phone and
     * e-mail shaped like ones, the marketplace IOSS number at most 40 characters. Nothing is required: an order
     * without value data passes.
     *
     * @return problems; empty when the value may be stored
     */
    public static List<Problem> validateValue(PlatformOrder order) {
        List<Problem> problems = new ArrayList<>();
        PlatformOrder.Value v = order.value();
        Currency orderCurrency = currency(problems, "currency", v.currency(), -1, null);
        int index = 0;
        Currency linesCurrency = null;
        String firstLineCode = null;
        for (PlatformOrder.Line line : order.lines()) {
            String sku = blank(line.sku()) ? null : TextRules.visible(line.sku().strip());
            Currency c = currency(problems, "currency", line.currency(), index, sku);
            if (line.unitPrice() != null && blank(line.currency()) && blank(v.currency())) {
                problems.add(new Problem("currency", index, sku == null ? Reason.of(Reason.ORDER_PRICE_NO_CURRENCY)
                        : Reason.of(Reason.ORDER_PRICE_NO_CURRENCY_SKU, sku)));
            }
            Currency effective = c != null ? c : blank(line.currency()) ? orderCurrency : null;
            if (c != null && orderCurrency != null && !c.equals(orderCurrency)) {
                problems.add(new Problem("currency", index, sku == null
                        ? Reason.of(Reason.ORDER_LINE_CURRENCY, c.getCurrencyCode(), orderCurrency.getCurrencyCode())
                        : Reason.of(Reason.ORDER_LINE_CURRENCY_SKU, c.getCurrencyCode(), orderCurrency.getCurrencyCode(),
                        sku)));
            } else if (c != null && orderCurrency == null) {
                if (linesCurrency == null) {
                    linesCurrency = c;
                    firstLineCode = c.getCurrencyCode();
                } else if (!linesCurrency.equals(c)) {
                    problems.add(new Problem("currency", index, sku == null
                            ? Reason.of(Reason.ORDER_LINES_CURRENCY, c.getCurrencyCode(), firstLineCode)
                            : Reason.of(Reason.ORDER_LINES_CURRENCY_SKU, c.getCurrencyCode(), firstLineCode, sku)));
                }
            }
            amount(problems, "unit_price", line.unitPrice(), effective, index, sku);
            index++;
        }
        if ((v.total() != null || v.shippingPaid() != null) && blank(v.currency())) {
            problems.add(new Problem("currency", Reason.of(v.total() != null ? Reason.ORDER_TOTAL_NO_CURRENCY
                    : Reason.ORDER_SHIPPING_NO_CURRENCY)));
        }
        boolean totalOk = amount(problems, "order_total", v.total(), orderCurrency, -1, null);
        boolean shippingOk = amount(problems, "shipping_paid", v.shippingPaid(), orderCurrency, -1, null);
        if (totalOk && shippingOk && v.total() != null && v.shippingPaid() != null
                && v.total().compareTo(v.shippingPaid()) < 0) {
            problems.add(new Problem("order_total", Reason.of(Reason.ORDER_TOTAL_BELOW_SHIPPING,
                    v.total().toPlainString(), v.shippingPaid().toPlainString())));
        }
        if (text(problems, "buyer_phone", v.buyerPhone(), false, 40) && !blank(v.buyerPhone())) {
            String phone = v.buyerPhone().strip();
            long digits = phone.chars().filter(ch -> ch >= '0' && ch <= '9').count();
            if (!PHONE.matcher(phone).matches() || digits < 5) {
                problems.add(phoneProblem("buyer_phone", phone));
            }
        }
        // WB_ORDER.MARKETPLACE_IOSS (V32); an IOSS number is "IM" and 10 digits, other marketplaces' ids may differ
        text(problems, "marketplace_ioss", v.marketplaceIoss(), false, 40);
        if (text(problems, "buyer_email", v.buyerEmail(), false, 200) && !blank(v.buyerEmail())) {
            String email = v.buyerEmail().strip();
            if (!EMAIL.matcher(email).matches()) {
                problems.add(emailProblem("buyer_email", email));
            }
        }
        return problems;
    }

    private static Problem phoneProblem(String field, String phone) {
        return new Problem(field, -1, CODE_PHONE, TextRules.visible(phone), Reason.of(Reason.ORDER_PHONE,
                TextRules.visible(phone)));
    }

    private static Problem emailProblem(String field, String email) {
        return new Problem(field, -1, CODE_EMAIL, TextRules.visible(email), Reason.of(Reason.ORDER_EMAIL,
                TextRules.visible(email)));
    }

    /**
     * The format of the ship-to phone and e-mail, for forms where an operator types them (the manual order form);
     * not applied to captured or imported orders, whose contact data come from the marketplace or the seller's file.
     */
    public static List<Problem> validateContact(Address a) {
        List<Problem> problems = new ArrayList<>();
        if (a == null) {
            return problems;
        }
        if (!blank(a.phone()) && a.phone().strip().length() <= 40) {
            String phone = a.phone().strip();
            if (!PHONE.matcher(phone).matches() || phone.chars().filter(ch -> ch >= '0' && ch <= '9').count() < 5) {
                problems.add(phoneProblem("phone", phone));
            }
        }
        if (!blank(a.email()) && a.email().strip().length() <= 200) {
            String email = a.email().strip();
            if (!EMAIL.matcher(email).matches()) {
                problems.add(emailProblem("email", email));
            }
        }
        return problems;
    }

    /** Whether an address in this destination (ISO code) needs a postal code. */
    public static boolean postalCodeRequired(String country) {
        String c = country == null ? "" : country.strip();
        return !c.isEmpty() && ISO_COUNTRIES.contains(c) && !NO_POSTAL_CODE.contains(c);
    }

    /** Whether an address in this destination (ISO code) needs the state / province. */
    public static boolean stateRequired(String country) {
        return country != null && STATE_REQUIRED.contains(country.strip());
    }

    /**
     * The parcel weight rule: a problem when an order's expected weight is above {@link #MAX_PARCEL_GRAMS}. Checked in
     * the manual order form only: a captured or imported heavy order is kept (it may be split or sent by freight).
     *
     * @param grams the order's expected weight (catalogue weights of its matched SKUs, with packaging)
     */
    public static List<Problem> validateWeight(long grams) {
        if (grams <= MAX_PARCEL_GRAMS) {
            return List.of();
        }
        String kg = new BigDecimal(grams).movePointLeft(3).stripTrailingZeros().toPlainString();
        return List.of(new Problem("weight", -1, CODE_TOO_HEAVY, kg, Reason.of(Reason.ORDER_TOO_HEAVY, kg,
                MAX_PARCEL_GRAMS / 1000)));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The currency of a code, or null (absent, or unknown: then a problem). */
    private static Currency currency(List<Problem> problems, String field, String code, int line, String sku) {
        if (blank(code)) {
            return null;
        }
        String c = code.strip();
        if (c.length() == 3 && c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) {
            try {
                Currency currency = Currency.getInstance(c);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
                problems.add(new Problem(field, line, sku == null ? Reason.of(Reason.ORDER_CURRENCY_NOT_PAYABLE, c)
                        : Reason.of(Reason.ORDER_CURRENCY_NOT_PAYABLE_SKU, c, sku)));
                return null;
            } catch (IllegalArgumentException e) {
                // fall through
            }
        }
        problems.add(new Problem(field, line, sku == null ? Reason.of(Reason.ORDER_CURRENCY_UNKNOWN,
                TextRules.visible(c)) : Reason.of(Reason.ORDER_CURRENCY_UNKNOWN_SKU, TextRules.visible(c), sku)));
        return null;
    }

    /** Returns true when the amount is absent or acceptable. */
    private static boolean amount(List<Problem> problems, String field, BigDecimal amount, Currency currency,
                                  int line, String sku) {
        if (amount == null) {
            return true;
        }
        String shown = amount.toPlainString();
        if (amount.signum() < 0) {
            problems.add(new Problem(field, line, sku == null ? Reason.of(Reason.ORDER_AMOUNT_NEGATIVE, shown)
                    : Reason.of(Reason.ORDER_AMOUNT_NEGATIVE_SKU, shown, sku)));
            return false;
        }
        if (amount.compareTo(MAX_AMOUNT) >= 0) {
            problems.add(new Problem(field, line, sku == null ? Reason.of(Reason.ORDER_AMOUNT_TOO_LARGE, shown)
                    : Reason.of(Reason.ORDER_AMOUNT_TOO_LARGE_SKU, shown, sku)));
            return false;
        }
        if (currency != null) {
            int digits = currency.getDefaultFractionDigits();
            if (amount.stripTrailingZeros().scale() > digits) {
                String code = currency.getCurrencyCode();
                problems.add(new Problem(field, line, sku == null ? Reason.of(Reason.ORDER_AMOUNT_DECIMALS, shown,
                        code, digits) : Reason.of(Reason.ORDER_AMOUNT_DECIMALS_SKU, shown, code, digits, sku)));
                return false;
            }
        } else if (amount.stripTrailingZeros().scale() > 4) {
            problems.add(new Problem(field, line, sku == null ? Reason.of(Reason.ORDER_AMOUNT_SCALE, shown)
                    : Reason.of(Reason.ORDER_AMOUNT_SCALE_SKU, shown, sku)));
            return false;
        }
        return true;
    }

    /**
     * Checks a ship-to address alone (capture, and an operator's correction): required fields per destination,
     * ISO country code, postal code format where known, lengths and control characters, and that every character of
     * the fields printed on the label can be printed.
     *
     * @return problems; empty when the address may be used
     */
    public static List<Problem> validateAddress(Address a, Printable printable) {
        List<Problem> problems = new ArrayList<>();
        if (a == null) {
            problems.add(new Problem("address", Reason.of(Reason.ORDER_ADDRESS_MISSING)));
            return problems;
        }
        text(problems, "buyer_name", a.name(), true, 200);
        text(problems, "company", a.company(), false, 200);
        text(problems, "address1", a.line1(), true, 300);
        text(problems, "address2", a.line2(), false, 300);
        text(problems, "city", a.city(), true, 100);
        // only the length here: the format of the ship-to phone and e-mail is the marketplace's business on a
        // captured order (an "ext. 12" must not lose a paid order); forms check it with validateContact
        text(problems, "phone", a.phone(), false, 40);
        text(problems, "email", a.email(), false, 200);
        String country = a.countryCode() == null ? "" : a.countryCode().strip();
        if (country.isEmpty()) {
            problems.add(new Problem("country", -1, CODE_REQUIRED, null, Reason.of(Reason.ORDER_REQUIRED)));
        } else if (!ISO_COUNTRIES.contains(country)) {
            problems.add(new Problem("country", Reason.of(Reason.ORDER_COUNTRY, TextRules.visible(country))));
        }
        text(problems, "state", a.state(), STATE_REQUIRED.contains(country), 100, country);
        boolean postalRequired = !country.isEmpty() && !NO_POSTAL_CODE.contains(country);
        if (text(problems, "postal_code", a.postalCode(), postalRequired, 20, country)
                && a.postalCode() != null && !a.postalCode().isBlank()) {
            Pattern format = POSTAL_FORMATS.get(country);
            if (format != null && !format.matcher(a.postalCode().strip()).matches()) {
                String shown = TextRules.visible(a.postalCode().strip());
                problems.add(new Problem("postal_code", -1, CODE_POSTAL_CODE, shown, Reason.of(
                        Reason.ORDER_POSTAL_CODE, shown, country)));
            }
        }
        printable(problems, a, printable == null ? Printable.ANY : printable);
        return problems;
    }

    /** Problems for label fields with characters no font can print (fields with other problems are skipped). */
    private static void printable(List<Problem> problems, Address a, Printable printable) {
        String[] values = {a.name(), a.company(), a.line1(), a.line2(), a.city(), a.state(), a.postalCode(),
                a.countryCode(), a.phone()};
        for (int i = 0; i < values.length; i++) {
            String field = PRINTED_FIELDS.get(i);
            if (values[i] == null || values[i].isBlank() || problems.stream().anyMatch(p -> p.field().equals(field))) {
                continue;
            }
            List<Integer> missing;
            try {
                missing = printable.unprintable(values[i].strip());
            } catch (RuntimeException e) { // a failing print service must not block capture: the label check repeats
                missing = List.of();
            }
            if (missing != null && !missing.isEmpty()) {
                problems.add(new Problem(field, unprintableReason(missing)));
            }
        }
    }

    /** "contains 𝕳 (U+1D573), which no installed label font can print; ..." */
    static Reason unprintableReason(List<Integer> missing) {
        StringBuilder chars = new StringBuilder();
        int shown = 0;
        for (int cp : missing) {
            if (shown == 5) {
                return Reason.of(Reason.ORDER_UNPRINTABLE_MORE, chars, missing.size() - shown);
            }
            chars.append(shown == 0 ? "" : ", ").append(Character.isISOControl(cp) ? ""
                    : new String(Character.toChars(cp)) + " ").append(String.format("(U+%04X)", cp));
            shown++;
        }
        return Reason.of(Reason.ORDER_UNPRINTABLE, chars);
    }

    private static boolean text(List<Problem> problems, String field, String value, boolean required, int max) {
        return text(problems, field, value, required, max, null);
    }

    /**
     * Returns true when the field is acceptable.
     *
     * @param destination the country a required field is required for, or null
     */
    private static boolean text(List<Problem> problems, String field, String value, boolean required, int max,
                                String destination) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new Problem(field, -1, CODE_REQUIRED, null, destination == null
                        ? Reason.of(Reason.ORDER_REQUIRED) : Reason.of(Reason.ORDER_REQUIRED_FOR, destination)));
                return false;
            }
            return true;
        }
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max || v.length() > max) {
            problems.add(new Problem(field, Reason.of(Reason.ORDER_TOO_LONG, v.length(), max)));
            return false;
        }
        int at = TextRules.controlCharAt(v);
        if (at >= 0) {
            problems.add(new Problem(field, Reason.of(Reason.ORDER_CONTROL, String.format("U+%04X",
                    (int) v.charAt(at)), at + 1)));
            return false;
        }
        int bidi = TextRules.bidiControlAt(v);
        if (bidi >= 0) {
            problems.add(new Problem(field, Reason.of(Reason.ORDER_BIDI, String.format("U+%04X",
                    (int) v.charAt(bidi)), bidi + 1)));
            return false;
        }
        return true;
    }
}
