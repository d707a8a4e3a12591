package io.waybill.core.internal.customs;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CarrierService;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The one rule that decides whether a package's declaration may go to a carrier (pure: no database, no clock).
 * Reasons come in a fixed order: the lines (no lines; per line HS code missing or malformed, English description
 * missing), the currencies, the total, the EU's IOSS, then what the chosen carrier service refuses
 * ({@link CarrierService#check}: currency, declaration lines, weight, destination, dangerous goods, ...).
 *
 * <p>The declaration's own checks run for an international package (the warehouse and the ship-to country
 * differ and are not both in the EU) when the store checks declarations or the service requires customs data;
 * the service's checks run whenever the service is known.
 */
public final class DeclarationCheck {

    /** The EU member states (customs union; IOSS covers consignments into them). */
    public static final Set<String> EU = PackageDeclaration.EU;
    /** The IOSS ceiling: consignments of an intrinsic value up to EUR 150. */
    public static final BigDecimal IOSS_LIMIT_EUR = new BigDecimal("150");

    private DeclarationCheck() {
    }

    /**
     * What a package declares and where it goes.
     *
     * @param declaration    the declaration
     * @param fromCountry    the warehouse's country, or null when not known (then treated as international)
     * @param toCountry      the ship-to country
     * @param weightGrams    the package's expected weight
     * @param dangerousGoods the kinds of dangerous goods in it (the products' flags)
     * @param storeChecks    whether the store checks declarations before upload
     */
    public record Input(PackageDeclaration declaration, String fromCountry, String toCountry, int weightGrams,
                        Set<CarrierService.DangerousGoods> dangerousGoods, boolean storeChecks) {
    }

    /** Whether a parcel from {@code from} to {@code to} crosses a customs border. */
    public static boolean international(String from, String to) {
        return PackageDeclaration.international(from, to);
    }

    /** The reasons against uploading the package with {@code service} (null: no service declared). */
    public static List<Reason> problems(Input in, CarrierService service) {
        List<Reason> out = new ArrayList<>();
        PackageDeclaration d = in.declaration();
        boolean customs = international(in.fromCountry(), in.toCountry())
                && (in.storeChecks() || (service != null && service.customsDataRequired()));
        if (customs) {
            declarationProblems(d, in.toCountry(), out);
        }
        if (service != null) {
            for (CarrierService.Refusal r : service.check(parcel(in))) {
                out.add(new Reason(r.code(), r.params()));
            }
        }
        return List.copyOf(out);
    }

    static void declarationProblems(PackageDeclaration d, String toCountry, List<Reason> out) {
        if (d.lines().isEmpty()) {
            out.add(Reason.of(Reason.CUSTOMS_NO_LINES));
            return;
        }
        for (PackageDeclaration.Line l : d.lines()) {
            if (l.hsCode() == null) {
                out.add(Reason.of(Reason.CUSTOMS_HS_MISSING, l.sku()));
            } else if (!wellFormedHs(l.hsCode())) {
                out.add(Reason.of(Reason.CUSTOMS_HS_MALFORMED, l.sku(), l.hsCode()));
            }
            if (l.descriptionEn() == null) {
                out.add(Reason.of(Reason.CUSTOMS_DESCRIPTION_MISSING, l.sku()));
            }
        }
        Set<String> currencies = d.currencies();
        if (currencies.size() > 1) {
            out.add(Reason.of(Reason.CUSTOMS_CURRENCY_MIXED, String.join(",", currencies)));
            return;
        }
        String currency = d.currency();
        BigDecimal total = d.total();
        if (total.signum() <= 0) {
            out.add(Reason.of(Reason.CUSTOMS_TOTAL_ZERO, currency == null ? "" : currency));
            return;
        }
        String to = toCountry == null ? "" : toCountry.toUpperCase();
        if (EU.contains(to) && d.taxIds().ioss().isEmpty()) {
            if ("EUR".equals(currency)) {
                if (total.compareTo(IOSS_LIMIT_EUR) <= 0) {
                    out.add(Reason.of(Reason.CUSTOMS_IOSS_MISSING, to, total.stripTrailingZeros().toPlainString(),
                            currency));
                }
            } else {
                out.add(Reason.of(Reason.CUSTOMS_IOSS_UNVERIFIABLE, to, total.stripTrailingZeros().toPlainString(),
                        currency == null ? "" : currency));
            }
        }
    }

    /** An HS code as customs take it: 6 to 10 digits. */
    public static boolean wellFormedHs(String hs) {
        return hs != null && hs.length() >= 6 && hs.length() <= 10 && hs.chars().allMatch(ch -> ch >= '0'
                && ch <= '9');
    }

    /** The package as the carrier service sees it. */
    static CarrierService.Parcel parcel(Input in) {
        PackageDeclaration d = in.declaration();
        String currency = d.currency();
        boolean single = d.currencies().size() == 1;
        boolean valued = single && d.lines().stream().allMatch(l -> l.unitValue() != null);
        boolean complete = !d.lines().isEmpty() && d.lines().stream().allMatch(l -> l.hsCode() != null
                && l.descriptionEn() != null && l.unitValue() != null && l.unitValue().signum() > 0
                && l.currency() != null && l.originCountry() != null);
        return new CarrierService.Parcel(in.toCountry(), in.weightGrams(), valued ? d.total() : null,
                single ? currency : null, in.dangerousGoods(), d.lines().size(), complete);
    }
}
