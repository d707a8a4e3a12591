package io.waybill.core.api;

import io.waybill.core.model.Warehouse;
import io.waybill.core.model.WarehouseKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one set of rules for a warehouse's master data, used by {@link WarehouseService} before it writes and by the
 * UI and shell for field-level messages. Every problem names its field, a stable code and an English reason.
 *
 * <p>Postal codes: required unless the country is in {@link #NO_POSTAL_CODES} (countries that do not use postal
 * codes, after the Universal Postal Union's list); checked against a pattern for the countries in
 * {@link #POSTAL_PATTERNS}, otherwise 2-12 letters, digits, spaces or dashes. Extend these two tables to change the
 * rule.
 */
public final class WarehouseValidator {

    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String KIND = "kind";
    public static final String LINE1 = "line1";
    public static final String LINE2 = "line2";
    public static final String CITY = "city";
    public static final String STATE = "state";
    public static final String POSTAL_CODE = "postalCode";
    public static final String COUNTRY = "country";
    public static final String CONTACT = "contact";
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";

    /** Countries without postal codes: a postal code may be left empty there. */
    public static final Set<String> NO_POSTAL_CODES = Set.of("AE", "AG", "AO", "AW", "BF", "BI", "BJ", "BO", "BS",
            "BW", "BZ", "CD", "CF", "CG", "CI", "CK", "CM", "DJ", "DM", "ER", "FJ", "GA", "GD", "GH", "GM", "GQ", "GY",
            "HK", "JM", "KI", "KM", "KN", "KP", "LC", "ML", "MO", "MR", "MW", "NR", "NU", "QA", "RW", "SB", "SC", "SL",
            "SR", "ST", "SY", "TD", "TF", "TG", "TK", "TL", "TO", "TT", "TV", "UG", "VU", "YE", "ZW");

    /** Postal code formats of the countries Waybill's sellers ship from most. */
    public static final Map<String, Pattern> POSTAL_PATTERNS = Map.of(
            "CN", Pattern.compile("\\d{6}"),
            "US", Pattern.compile("\\d{5}(-\\d{4})?"),
            "DE", Pattern.compile("\\d{5}"),
            "FR", Pattern.compile("\\d{5}"),
            "JP", Pattern.compile("\\d{3}-?\\d{4}"),
            "GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}"),
            "CA", Pattern.compile("[A-Z]\\d[A-Z] ?\\d[A-Z]\\d"),
            "AU", Pattern.compile("\\d{4}"),
            "NL", Pattern.compile("\\d{4} ?[A-Z]{2}"));

    private static final Pattern CODE_FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");
    private static final Pattern GENERIC_POSTAL = Pattern.compile("[A-Z0-9][A-Z0-9 -]{0,10}[A-Z0-9]");
    private static final Pattern EMAIL_FORMAT = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE_FORMAT = Pattern.compile("\\+?[0-9][0-9 ()./-]*");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * One problem with one field.
     *
     * @param field   the field ({@link #CODE}, {@link #POSTAL_CODE}...)
     * @param code    stable code: required, too_long, invalid_code, unknown_country, postal_required,
     *                invalid_postal, invalid_email, invalid_phone
     * @param message English reason for the operator
     */
    public record Problem(String field, String code, String message) {
    }

    private WarehouseValidator() {
    }

    /**
     * The warehouse with text trimmed, empty text as null, code and country upper-case, postal code upper-case and a
     * missing kind as {@link WarehouseKind#OWN}. Validate the result of this.
     */
    public static Warehouse normalise(Warehouse w) {
        return new Warehouse(upper(w.code()), clean(w.name()), w.kind() == null ? WarehouseKind.OWN : w.kind(),
                clean(w.line1()), clean(w.line2()), clean(w.city()), clean(w.state()), upper(w.postalCode()),
                upper(w.countryCode()), clean(w.contactName()), clean(w.phone()), clean(w.email()), w.enabled());
    }

    /** Every problem of a (normalised) warehouse, in field order; empty when it may be saved. */
    public static List<Problem> check(Warehouse w) {
        List<Problem> problems = new ArrayList<>();
        if (w.code() == null) {
            problems.add(new Problem(CODE, "required", "The warehouse code is required."));
        } else if (!CODE_FORMAT.matcher(w.code()).matches()) {
            problems.add(new Problem(CODE, "invalid_code", "Code '" + w.code() + "' must be 1-40 letters, digits, "
                    + "'-' or '_', starting with a letter or digit."));
        }
        required(problems, NAME, "name", w.name(), 200);
        required(problems, LINE1, "street", w.line1(), 300);
        optional(problems, LINE2, "second street line", w.line2(), 300);
        required(problems, CITY, "city", w.city(), 100);
        optional(problems, STATE, "state/province", w.state(), 100);
        String country = w.countryCode();
        boolean knownCountry = country != null && COUNTRIES.contains(country);
        if (country == null) {
            problems.add(new Problem(COUNTRY, "required", "The country (ISO 3166 code such as CN, US, DE) is required."));
        } else if (!knownCountry) {
            problems.add(new Problem(COUNTRY, "unknown_country", "'" + country + "' is not an ISO 3166 country code "
                    + "(two letters such as CN, US, DE)."));
        }
        String postal = w.postalCode();
        if (postal == null) {
            if (knownCountry && !NO_POSTAL_CODES.contains(country)) {
                problems.add(new Problem(POSTAL_CODE, "postal_required", "A postal code is required for "
                        + countryName(country) + "."));
            }
        } else {
            Pattern p = knownCountry ? POSTAL_PATTERNS.get(country) : null;
            if (p != null ? !p.matcher(postal).matches() : !GENERIC_POSTAL.matcher(postal).matches()) {
                problems.add(new Problem(POSTAL_CODE, "invalid_postal", "'" + postal + "' is not a valid postal code"
                        + (p != null ? " for " + countryName(country) : "") + "."));
            }
        }
        optional(problems, CONTACT, "contact name", w.contactName(), 200);
        String phone = w.phone();
        if (phone != null && (phone.length() > 40 || !PHONE_FORMAT.matcher(phone).matches()
                || phone.chars().filter(Character::isDigit).count() < 5)) {
            problems.add(new Problem(PHONE, "invalid_phone", "'" + phone + "' is not a phone number (digits, spaces, "
                    + "+ ( ) - . /, at least 5 digits, at most 40 characters)."));
        }
        String email = w.email();
        if (email != null && (email.length() > 200 || !EMAIL_FORMAT.matcher(email).matches())) {
            problems.add(new Problem(EMAIL, "invalid_email", "'" + email + "' is not an e-mail address."));
        }
        return problems;
    }

    /** All problems in one operator-readable sentence list ("Postal code: ... City: ..."). */
    public static String describe(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(p.message());
        }
        return sb.toString();
    }

    private static void required(List<Problem> problems, String field, String label, String value, int max) {
        if (value == null) {
            problems.add(new Problem(field, "required", "The " + label + " is required."));
        } else {
            optional(problems, field, label, value, max);
        }
    }

    private static void optional(List<Problem> problems, String field, String label, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "too_long", "The " + label + " is longer than " + max + " characters."));
        }
    }

    private static String countryName(String iso) {
        String name = new Locale("", iso).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equals(iso) ? iso : name + " (" + iso + ")";
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        String c = clean(s);
        return c == null ? null : c.toUpperCase(Locale.ROOT);
    }
}
