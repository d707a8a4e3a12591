package io.waybill.ui.internal.views;

import io.waybill.core.model.PackageHold;
import io.waybill.core.model.RuleDryRun;
import io.waybill.ui.internal.i18n.Reasons;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The logistics rules in the operator's language: a hold's reason, a decision with its rule, a skipped rule with why
 * (dry run). The rules' own text ({@code country EU}, {@code ship pool SEA-DG}) is the same in every language and is
 * shown as it is; the words around it come from {@code rules.*} in the message bundles. {@code translate} is
 * {@code getTranslation(key, params...)}.
 */
final class RuleTexts {

    /** The condition kinds the rule form offers, with the text each starts with (the core's rule text). */
    static final List<String> CONDITION_KINDS = List.of("store", "platform", "country", "region", "postal", "weight",
            "value", "sku", "flag", "items", "note", "shipby");

    private RuleTexts() {
    }

    /** Why a package is held: {@code IOSS number missing (rule "EU low value")}; empty when not known. */
    static String hold(PackageHold h, BiFunction<String, Object[], String> translate) {
        if (h == null || h.reason() == null) {
            return "";
        }
        return translate.apply("hold.text", new Object[] {h.reason(), h.ruleName() == null ? "" : h.ruleName()});
    }

    /** The value of an action's text form: {@code warehouse W2} -> {@code W2}, {@code ship pool RR} -> {@code pool / RR}. */
    static String value(String kind, String actionText) {
        int space = actionText.indexOf(' ');
        String rest = space < 0 ? "" : actionText.substring(space + 1).strip();
        if ("SHIPPING_METHOD".equals(kind)) {
            int s = rest.indexOf(' ');
            return s < 0 ? rest : rest.substring(0, s) + " / " + rest.substring(s + 1).strip();
        }
        return rest;
    }

    /** The decision of a kind, with its rule: {@code W2 (rule #3 "Heavy")}; empty when no rule decided it. */
    static String decision(RuleDryRun run, String kind, BiFunction<String, Object[], String> translate) {
        return run.decisions().stream().filter(d -> d.kind().equals(kind)).findFirst()
                .map(d -> translate.apply("rules.decision", new Object[] {value(kind, d.action()),
                        String.valueOf(d.position()), d.ruleName()}))
                .orElse("");
    }

    /** A skipped rule and why, in the operator's language. */
    static String skip(RuleDryRun.Skip s, Locale locale, BiFunction<String, Object[], String> translate) {
        String pos = String.valueOf(s.position());
        return switch (s.reason()) {
            case "DISABLED" -> translate.apply("rules.skip.DISABLED", new Object[] {pos, s.ruleName()});
            case "CONDITION_NOT_MET" -> translate.apply("rules.skip.CONDITION_NOT_MET", new Object[] {pos,
                    s.ruleName(), s.condition(), s.actual() == null ? "" : s.actual()});
            case "ALREADY_DECIDED" -> translate.apply("rules.skip.ALREADY_DECIDED", new Object[] {pos, s.ruleName(),
                    s.kinds().stream().map(k -> translate.apply("rules.kind." + k, new Object[0]))
                            .collect(Collectors.joining(", "))});
            default -> {
                String why = s.refusal() == null ? null : Reasons.text(locale, s.refusal());
                yield why != null ? why : translate.apply("rules.skip.ACTION_REFUSED", new Object[] {pos,
                        s.ruleName()});
            }
        };
    }
}
