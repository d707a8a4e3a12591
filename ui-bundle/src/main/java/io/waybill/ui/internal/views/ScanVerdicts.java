package io.waybill.ui.internal.views;

import io.waybill.core.model.Reason;
import io.waybill.core.model.ScaleInfo;
import io.waybill.core.model.ScanResult;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.WeightReading;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/** How the scan station shows a scan result, a scale and a reading: pure logic, tested without Vaadin. */
public final class ScanVerdicts {

    /** Refusal codes with their own translation ({@code scan.refused.<code>}); others show the core's message. */
    static final Set<String> TRANSLATED_REFUSALS = Set.of("unknown_package", "not_printed", "already_shipped",
            "voided", "empty_scan", "concurrent_change");

    private ScanVerdicts() {
    }

    /** The look of the verdict panel. */
    public enum Style {
        /** Nothing scanned yet. */
        IDLE("wb-verdict-idle", false),
        /** Weight within tolerance (shipped or ready to ship): green. */
        PASS("wb-verdict-pass", false),
        /** Weight outside tolerance: red, supervisor override possible. */
        WEIGHT_MISMATCH("wb-verdict-fail", true),
        /** Unknown, not printed, already shipped, voided...: red. */
        REFUSED("wb-verdict-fail", true),
        /** No stable weight: amber. */
        NO_WEIGHT("wb-verdict-warn", false),
        /** Shipped on a supervisor's authority despite the weight: amber. */
        OVERRIDE("wb-verdict-warn", false);

        private final String cssClass;
        private final boolean failure;

        Style(String cssClass, boolean failure) {
            this.cssClass = cssClass;
            this.failure = failure;
        }

        public String cssClass() {
            return cssClass;
        }

        /** Whether the operator hears the failure tone. */
        public boolean failure() {
            return failure;
        }

        /** Translation key of the big headline. */
        public String titleKey() {
            return "scan.verdict." + name();
        }
    }

    /** The panel style for a result (null means nothing scanned). */
    public static Style style(ScanResult result) {
        if (result == null) {
            return Style.IDLE;
        }
        if (result.shipped() && "override".equals(result.code())) {
            return Style.OVERRIDE;
        }
        return switch (result.outcome()) {
            case PASS -> Style.PASS;
            case WEIGHT_FAIL -> Style.WEIGHT_MISMATCH;
            case NO_WEIGHT -> Style.NO_WEIGHT;
            case REFUSED -> Style.REFUSED;
        };
    }

    /** The tone for a result: 1 = pass (short high beep), -1 = failure (low long beep), 0 = none. */
    public static int tone(ScanResult result) {
        Style style = style(result);
        if (style == Style.PASS || style == Style.OVERRIDE) {
            return 1;
        }
        return style.failure() || style == Style.NO_WEIGHT ? -1 : 0;
    }

    /** Whether "Execute delivery and continue scanning" can ship this result now. */
    public static boolean canShip(ScanResult result) {
        return result != null && result.outcome() == ScanResult.Outcome.PASS && !result.shipped();
    }

    /** Whether a supervisor may override this result: a weight mismatch not shipped yet. */
    public static boolean canOverride(ScanResult result) {
        return result != null && result.outcome() == ScanResult.Outcome.WEIGHT_FAIL && !result.shipped();
    }

    /** The scan's own codes (not refusals), each with its label {@code scan.code.<code>}. */
    static final Set<String> OWN_CODES = Set.of("ok", "weight_mismatch", "no_weight", "invalid_weight", "override");

    /**
     * The verdict's small code label in the user's language (the code itself stays in the element's
     * {@code data-code}): {@code scan.code.<code>} for the scan's own codes, a refusal's kind ({@code reason.<code>})
     * for a refusal, else the outcome's name ({@code scan.code.<OUTCOME>}); never a bare code.
     */
    public static String codeLabel(ScanResult result, Locale locale, BiFunction<String, Object[], String> t) {
        String code = result.code();
        if (code != null && OWN_CODES.contains(code)) {
            return t.apply("scan.code." + code, new Object[0]);
        }
        if (code != null) {
            String kind = Reasons.kind(locale, code);
            if (!kind.equals(code)) {
                return kind;
            }
        }
        return t.apply("scan.code." + result.outcome().name(), new Object[0]);
    }

    /** The translation key for a refusal's detail, or null when the core's own message should be shown. */
    public static String refusalKey(ScanResult result) {
        if (result == null || result.outcome() != ScanResult.Outcome.REFUSED || result.code() == null
                || !TRANSLATED_REFUSALS.contains(result.code())) {
            return null;
        }
        return "scan.refused." + result.code();
    }

    /** Measured minus expected with a sign and a real minus: {@code "+0.035 kg"}, {@code "−1.200 kg"}, {@code "±0.000 kg"}. */
    public static String difference(Integer measured, Integer expected, Locale locale) {
        if (measured == null || expected == null) {
            return "";
        }
        int diff = measured - expected;
        if (diff == 0) {
            return "\u00b1" + Formats.weight(0, locale);
        }
        return (diff > 0 ? "+" : "\u2212") + Formats.weight(Math.abs(diff), locale);
    }

    /** A tolerance as {@code "±0.050 kg"}. */
    public static String tolerance(Integer grams, Locale locale) {
        return grams == null ? "" : "\u00b1" + Formats.weight(grams, locale);
    }

    /** A weight or an empty string. */
    public static String weight(Integer grams, Locale locale) {
        return grams == null ? "" : Formats.weight(grams, locale);
    }

    /**
     * A scale in the selector: {@code "Bench scale · ONLINE"} or {@code "Bench scale · OFFLINE: no answer"}.
     *
     * @param t translation function (key, parameters)
     */
    public static String scaleLabel(ScaleInfo scale, BiFunction<String, Object[], String> t) {
        return scaleLabel(scale, Locale.ENGLISH, t);
    }

    /** As {@link #scaleLabel(ScaleInfo, BiFunction)}, the detail in {@code locale} when the scale said why as data. */
    public static String scaleLabel(ScaleInfo scale, Locale locale, BiFunction<String, Object[], String> t) {
        String name = scale.displayName() == null || scale.displayName().isBlank() ? scale.key() : scale.displayName();
        String state = t.apply(scale.online() ? "scan.scale.online" : "scan.scale.offline", new Object[0]);
        String why = Reasons.scale(locale, scale.reason(), scale.detail());
        String detail = why.isBlank() ? "" : ": " + why;
        return name + " \u00b7 " + state + detail;
    }

    /**
     * What the weight display says about a reading: the weight when stable, the weight marked unstable (never
     * used), or why there is none.
     */
    public static String reading(WeightReading reading, Locale locale, BiFunction<String, Object[], String> t) {
        if (reading == null) {
            return "";
        }
        if (reading.grams() != null && reading.stable()) {
            return Formats.weight(reading.grams(), locale);
        }
        if (reading.grams() != null) {
            return t.apply("scan.weight.unstable", new Object[] {Formats.weight(reading.grams(), locale)});
        }
        DeviceStatus status = reading.status();
        String detail = status == null ? "" : Reasons.scale(locale, Reason.ofScale(status.code(), status.params()),
                status.detail());
        boolean offline = reading.status() != null && !reading.status().isOnline();
        return t.apply(offline ? "scan.weight.offline" : "scan.weight.none", new Object[] {detail});
    }

    /** The weight a reading contributes to the check: only a stable one counts. */
    public static Integer usableGrams(WeightReading reading) {
        return reading != null && reading.counts() ? reading.grams() : null;
    }
}
