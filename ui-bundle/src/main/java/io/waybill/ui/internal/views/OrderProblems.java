package io.waybill.ui.internal.views;

import io.waybill.core.model.OrderCheck;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An order problem from the core's check ({@code OrderCaptureService.check}) in the operator's language: the coded
 * kinds have a message of the form's own ({@code problem.<code>}, with the offending value); any other problem is its
 * reason as data ({@code order_*}) in the operator's language, or the core's English words when it has none.
 */
final class OrderProblems {

    static final String REQUIRED = "required";
    private static final Set<String> CODED = Set.of(REQUIRED, "invalid_email", "invalid_phone", "invalid_postal_code",
            "unknown_sku", "too_heavy");
    private OrderProblems() {
    }

    /**
     * @param maxParcelGrams the core's parcel limit ({@code OrderCheck.AddressRules#maxParcelGrams}), for too_heavy
     * @param translate      the UI's {@code getTranslation(key, args...)}
     */
    static String text(OrderCheck.Problem p, int maxParcelGrams, BiFunction<String, Object[], String> translate,
                       Locale locale) {
        if (p.code() == null || !CODED.contains(p.code())) {
            String text = p.structured() == null ? null : Reasons.text(locale, p.structured());
            return text != null ? text : p.reason();
        }
        return translate.apply("problem." + p.code(), new Object[] {p.value() == null ? "" : p.value(),
                java.math.BigDecimal.valueOf(maxParcelGrams).movePointLeft(3).stripTrailingZeros().toPlainString()});
    }
}
