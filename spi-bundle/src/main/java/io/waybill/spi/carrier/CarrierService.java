package io.waybill.spi.carrier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service a carrier offers and the parcels it takes ({@link CarrierGateway#services()}). {@link #check} tells,
 * without any I/O, whether a parcel fits and if not why: the core skips a service that cannot take a package (a
 * rule that would assign it, the upload queue) and shows the reasons. Since 1.2.
 *
 * @param code                     the service code the carrier expects in {@link ShipmentRequest#serviceCode()}
 * @param name                     display name, e.g. "Registered Air Mail"
 * @param destinationCountries     ISO 3166-1 alpha-2 countries the service delivers to; empty = any
 * @param maxWeightGrams           heaviest parcel in grams, or {@code null} = no limit
 * @param maxDeclaredValue         highest declared value, in {@code maxDeclaredValueCurrency}, or {@code null} = no
 *                                 limit
 * @param maxDeclaredValueCurrency ISO 4217 code of {@code maxDeclaredValue}; required when it is set
 * @param dangerousGoodsAllowed    the kinds of dangerous goods the service carries; empty = none
 * @param customsDataRequired      whether every line needs an HS code, description, value and origin
 * @param acceptedCurrencies       ISO 4217 currencies a declaration may be in; empty = any
 * @param maxCustomsLines          most declaration lines per parcel, or {@code null} = no limit
 */
public record CarrierService(String code, String name, Set<String> destinationCountries, Integer maxWeightGrams,
                             BigDecimal maxDeclaredValue, String maxDeclaredValueCurrency,
                             Set<DangerousGoods> dangerousGoodsAllowed, boolean customsDataRequired,
                             Set<String> acceptedCurrencies, Integer maxCustomsLines) {

    /** Kinds of dangerous goods (a product's flags in the catalogue). */
    public enum DangerousGoods {
        BATTERY, LIQUID, MAGNET, POWDER
    }

    /** The parcel goes to a country the service does not serve: [service, country]. */
    public static final String DESTINATION = "service_destination";
    /** The parcel is too heavy: [service, weight g, max g]. */
    public static final String WEIGHT = "service_weight";
    /** The declared value is above the limit: [service, value, currency, max value, max currency]. */
    public static final String VALUE = "service_value";
    /** The service limits the value and the parcel declares none: [service, max value, max currency]. */
    public static final String VALUE_UNKNOWN = "service_value_unknown";
    /** The value is in another currency than the limit, not comparable: [service, currency, max currency]. */
    public static final String VALUE_CURRENCY = "service_value_currency";
    /** The parcel has dangerous goods the service does not carry: [service, kinds, comma-separated lower case]. */
    public static final String DANGEROUS_GOODS = "service_dangerous_goods";
    /** The service needs complete customs data and the parcel has not: [service]. */
    public static final String CUSTOMS_DATA = "service_customs_data";
    /** The declaration's currency is not accepted: [service, currency, accepted currencies comma-separated]. */
    public static final String CURRENCY = "service_currency";
    /** More declaration lines than the service takes: [service, lines, max lines]. */
    public static final String CUSTOMS_LINES = "service_customs_lines";

    /**
     * Why a service cannot take a parcel, as data: a stable {@link #code} (one of the constants of
     * {@link CarrierService}) and the values its sentence names, so the core renders it in the operator's language.
     *
     * @param code   the reason's code
     * @param params the values named by the sentence, in order
     */
    public record Refusal(String code, List<String> params) {
        public Refusal {
            if (code == null || code.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a code");
            }
            params = params == null ? List.of() : List.copyOf(params);
        }

        /** The reason as an English sentence (logs, the shell, a plugin's own messages). */
        public String english() {
            return switch (code) {
                case DESTINATION -> "Service " + p(0) + " does not deliver to " + p(1) + ".";
                case WEIGHT -> "Service " + p(0) + " takes parcels up to " + p(2) + " g; this one weighs " + p(1)
                        + " g.";
                case VALUE -> "Service " + p(0) + " takes declared values up to " + p(3) + " " + p(4)
                        + "; this parcel declares " + p(1) + " " + p(2) + ".";
                case VALUE_UNKNOWN -> "Service " + p(0) + " takes declared values up to " + p(1) + " " + p(2)
                        + "; this parcel declares no value.";
                case VALUE_CURRENCY -> "Service " + p(0) + " limits declared values in " + p(2)
                        + "; this parcel declares its value in " + p(1) + ".";
                case DANGEROUS_GOODS -> "Service " + p(0) + " does not carry " + p(1) + ".";
                case CUSTOMS_DATA -> "Service " + p(0) + " needs an HS code, an English description, a value and "
                        + "the origin country on every line.";
                case CURRENCY -> "Service " + p(0) + " does not accept declarations in " + p(1) + " (accepted: "
                        + p(2) + ").";
                case CUSTOMS_LINES -> "Service " + p(0) + " takes at most " + p(2) + " declaration lines; this "
                        + "parcel has " + p(1) + ".";
                default -> code + " " + params;
            };
        }

        private String p(int i) {
            return i < params.size() ? params.get(i) : "";
        }
    }

    /**
     * What {@link #check} needs to know of a parcel.
     *
     * @param destinationCountry  ship-to country, ISO 3166-1 alpha-2
     * @param weightGrams         gross weight in grams
     * @param declaredValue       the declared total, or {@code null} when not known
     * @param currency            ISO 4217 code of {@code declaredValue}, or {@code null}
     * @param dangerousGoods      the kinds of dangerous goods inside
     * @param customsLines        the number of declaration lines
     * @param customsDataComplete whether every line has an HS code, description, value and origin
     */
    public record Parcel(String destinationCountry, int weightGrams, BigDecimal declaredValue, String currency,
                         Set<DangerousGoods> dangerousGoods, int customsLines, boolean customsDataComplete) {
        public Parcel {
            destinationCountry = upper(destinationCountry);
            currency = upper(currency);
            dangerousGoods = dangerousGoods == null || dangerousGoods.isEmpty() ? Set.of()
                    : Set.copyOf(dangerousGoods);
        }

        /**
         * The parcel of a shipment request: its recipient's country, weight, declared total and currency
         * ({@link ShipmentRequest#declaredTotal()}), its items as lines, and the dangerous goods the caller knows of
         * (a request does not carry product flags).
         */
        public static Parcel of(ShipmentRequest request, Set<DangerousGoods> dangerousGoods) {
            List<ShipmentRequest.Item> items = request.items() == null ? List.of() : request.items();
            boolean complete = !items.isEmpty() && items.stream().allMatch(i -> i != null && i.hasCustomsData());
            return new Parcel(request.recipient() == null ? null : request.recipient().countryCode(),
                    request.weightGrams(), request.declaredTotal().orElse(null),
                    request.declaredCurrency().orElse(null), dangerousGoods, items.size(), complete);
        }
    }

    public CarrierService {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a carrier service needs a code");
        }
        name = name == null || name.isBlank() ? code : name;
        destinationCountries = upperSet(destinationCountries);
        maxDeclaredValueCurrency = upper(maxDeclaredValueCurrency);
        if (maxDeclaredValue != null && maxDeclaredValueCurrency == null) {
            throw new IllegalArgumentException("service " + code + ": a maximum declared value needs its currency");
        }
        dangerousGoodsAllowed = dangerousGoodsAllowed == null || dangerousGoodsAllowed.isEmpty() ? Set.of()
                : Set.copyOf(dangerousGoodsAllowed);
        acceptedCurrencies = upperSet(acceptedCurrencies);
    }

    /** A service with a code and a name and no limits, carrying no dangerous goods. */
    public static CarrierService of(String code, String name) {
        return new CarrierService(code, name, Set.of(), null, null, null, Set.of(), false, Set.of(), null);
    }

    /**
     * Why this service cannot take the parcel; empty when it can. Pure: the same parcel always gets the same
     * reasons, in the order destination, weight, dangerous goods, customs data, currency, value, lines. A limit
     * the parcel cannot be compared with (no value, or a value in another currency than the limit) refuses:
     * the caller converts the value to {@link #maxDeclaredValueCurrency} first where it can.
     */
    public List<Refusal> check(Parcel parcel) {
        List<Refusal> out = new ArrayList<>();
        if (!destinationCountries.isEmpty()
                && (parcel.destinationCountry() == null || !destinationCountries.contains(parcel.destinationCountry()))) {
            out.add(refusal(DESTINATION, String.valueOf(parcel.destinationCountry())));
        }
        if (maxWeightGrams != null && parcel.weightGrams() > maxWeightGrams) {
            out.add(refusal(WEIGHT, Integer.toString(parcel.weightGrams()), maxWeightGrams.toString()));
        }
        if (!parcel.dangerousGoods().isEmpty()) {
            Set<DangerousGoods> refused = EnumSet.copyOf(parcel.dangerousGoods());
            refused.removeAll(dangerousGoodsAllowed);
            if (!refused.isEmpty()) {
                out.add(refusal(DANGEROUS_GOODS, join(refused.stream().map(d -> d.name().toLowerCase(Locale.ROOT))
                        .toList())));
            }
        }
        if (customsDataRequired && !parcel.customsDataComplete()) {
            out.add(refusal(CUSTOMS_DATA));
        }
        if (!acceptedCurrencies.isEmpty() && parcel.currency() != null
                && !acceptedCurrencies.contains(parcel.currency())) {
            out.add(refusal(CURRENCY, parcel.currency(), join(acceptedCurrencies)));
        }
        if (maxDeclaredValue != null) {
            if (parcel.declaredValue() == null) {
                out.add(refusal(VALUE_UNKNOWN, maxDeclaredValue.toPlainString(), maxDeclaredValueCurrency));
            } else if (!maxDeclaredValueCurrency.equals(parcel.currency())) {
                out.add(refusal(VALUE_CURRENCY, String.valueOf(parcel.currency()), maxDeclaredValueCurrency));
            } else if (parcel.declaredValue().compareTo(maxDeclaredValue) > 0) {
                out.add(refusal(VALUE, parcel.declaredValue().toPlainString(), parcel.currency(),
                        maxDeclaredValue.toPlainString(), maxDeclaredValueCurrency));
            }
        }
        if (maxCustomsLines != null && parcel.customsLines() > maxCustomsLines) {
            out.add(refusal(CUSTOMS_LINES, Integer.toString(parcel.customsLines()), maxCustomsLines.toString()));
        }
        return List.copyOf(out);
    }

    /** Whether this service takes the parcel ({@link #check} finds no reason against it). */
    public boolean accepts(Parcel parcel) {
        return check(parcel).isEmpty();
    }

    private Refusal refusal(String reason, String... params) {
        List<String> all = new ArrayList<>(params.length + 1);
        all.add(code);
        all.addAll(List.of(params));
        return new Refusal(reason, all);
    }

    private static String join(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.strip().toUpperCase(Locale.ROOT);
    }

    private static Set<String> upperSet(Set<String> values) {
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (String v : values) {
            String u = upper(v);
            if (u != null) {
                out.add(u);
            }
        }
        return Set.copyOf(out);
    }
}
