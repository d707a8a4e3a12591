package io.waybill.print.internal;

import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.WarehouseInfo;
import io.waybill.spi.common.Address;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a CN22 or CN23 customs declaration page shows (UPU Letter Post Regulations, art. RL 241): the form, the
 * package, sender and addressee, the declaration, the gross weight and the date.
 *
 * @param form        CN22 or CN23
 * @param packageNo   package number
 * @param trackingNo  tracking number, or null
 * @param orderNo     order number (the invoice reference on a CN23)
 * @param operator    the carrier (designated operator) the package was uploaded to, or null
 * @param storeName   the store (the sender's name when the warehouse has no contact)
 * @param sender      the warehouse, or null
 * @param recipient   the addressee
 * @param declaration the declaration
 * @param grossGrams  the package's gross weight in grams
 * @param date        the date printed next to the signature
 */
record CustomsForm(Form form, String packageNo, String trackingNo, String orderNo, String operator, String storeName,
                   WarehouseInfo sender, Address recipient, PackageDeclaration declaration, int grossGrams,
                   LocalDate date) {

    /** The two UPU customs declaration forms. */
    enum Form {
        CN22("CN22"), CN23("CN23");

        final String title;

        Form(String title) {
            this.title = title;
        }
    }

    /** 300 SDR: the highest value a CN22 may declare; above it the CN23. */
    static final BigDecimal CN22_LIMIT_SDR = new BigDecimal("300");

    /**
     * The CN22 limit of 300 SDR in each currency, conservative (rounded down, so a value near the limit gets the
     * CN23, which is valid for any value): {@code CODE=amount} entries of the {@code cn22Limits} setting. A
     * declaration in a currency without an entry, or in several currencies, gets the CN23.
     */
    record Limits(Map<String, BigDecimal> byCurrency) {
        /** The defaults of the setting (rates of late 2026; check the IMF's SDR rates and adjust). */
        static final String[] DEFAULTS = {"XDR=300", "USD=390", "EUR=345", "GBP=295", "CNY=2850", "HKD=3050",
                "JPY=58000", "AUD=600", "CAD=540"};

        static Limits parse(String[] entries) {
            Map<String, BigDecimal> map = new HashMap<>();
            for (String e : entries == null ? DEFAULTS : entries) {
                if (e == null) {
                    continue;
                }
                int eq = e.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("cn22Limits entry '" + e + "' is not CODE=amount");
                }
                String code = e.substring(0, eq).strip().toUpperCase(Locale.ROOT);
                try {
                    BigDecimal amount = new BigDecimal(e.substring(eq + 1).strip());
                    if (!code.matches("[A-Z]{3}") || amount.signum() <= 0) {
                        throw new NumberFormatException();
                    }
                    map.put(code, amount);
                } catch (NumberFormatException bad) {
                    throw new IllegalArgumentException("cn22Limits entry '" + e + "' is not CODE=amount with a "
                            + "three-letter currency and a positive amount");
                }
            }
            return new Limits(Map.copyOf(map));
        }

        /** CN22 when the declared total is within the limit in its currency, else CN23. */
        Form formFor(PackageDeclaration d) {
            String currency = d.currency();
            BigDecimal limit = currency == null ? null : byCurrency.get(currency);
            return limit != null && d.total().compareTo(limit) <= 0 ? Form.CN22 : Form.CN23;
        }
    }

    /** A UPU S10 item identifier: 2 letters, 8 digits and a check digit, the 2-letter country of the operator. */
    private static final java.util.regex.Pattern S10 = java.util.regex.Pattern.compile("[A-Z]{2}[0-9]{9}[A-Z]{2}");

    /**
     * The form of a package, or null when it needs none: CN22 and CN23 are the UPU's forms for postal items, so a
     * form is printed for a package whose tracking number is a UPU S10 item identifier (the pool's numbers, a
     * postal operator's) and whose parcel crosses a customs border. Parcels of express carriers (UPS, FedEx, DHL
     * through Shippo or EasyPost) travel with the carrier's own customs documents.
     */
    static CustomsForm of(PackageDetail detail, WarehouseInfo warehouse, PackageDeclaration declaration,
                          Limits limits, LocalDate date) {
        String from = warehouse == null ? null : warehouse.countryCode();
        String to = detail.shipTo() == null ? null : detail.shipTo().countryCode();
        String tracking = detail.row().trackingNo();
        if (declaration == null || declaration.lines().isEmpty() || !PackageDeclaration.international(from, to)
                || tracking == null || !S10.matcher(tracking.strip()).matches()) {
            return null;
        }
        int gross = detail.row().expectedWeightGrams();
        if (gross <= 0) {
            gross = detail.lines().stream().mapToInt(l -> l.quantity() * l.weightGrams()).sum();
        }
        return new CustomsForm(limits.formFor(declaration), detail.row().packageNo(), tracking.strip(),
                detail.row().orderNo(),
                detail.carrierId(), detail.row().storeName(), warehouse, detail.shipTo(), declaration, gross, date);
    }
}
