package io.waybill.core.internal.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formatting shared by shell commands. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String weight(int grams) {
        return io.waybill.core.model.Weights.format(grams);
    }

    /** "12.99 USD"; "-" without an amount; the amount alone without a currency. */
    static String money(java.math.BigDecimal amount, String currency) {
        if (amount == null) {
            return "-";
        }
        return amount.toPlainString() + (currency == null ? "" : " " + currency);
    }
}
