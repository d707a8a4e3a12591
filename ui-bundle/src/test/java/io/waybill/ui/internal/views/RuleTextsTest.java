package io.waybill.ui.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.waybill.core.model.PackageHold;
import io.waybill.core.model.Reason;
import io.waybill.core.model.RuleDryRun;
import io.waybill.ui.internal.i18n.WaybillI18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The rules' words around the rules' own text, in English and Chinese (hold reason, decisions, skipped rules). */
class RuleTextsTest {

    private final WaybillI18NProvider provider = new WaybillI18NProvider();

    private BiFunction<String, Object[], String> in(Locale locale) {
        return (k, p) -> provider.getTranslation(k, locale, p);
    }

    @Test
    void holdDecisionsAndSkipsReadInBothLanguages() {
        PackageHold hold = new PackageHold(1, "IOSS number missing", "EU low value");
        assertEquals("IOSS number missing (rule \u201cEU low value\u201d)", RuleTexts.hold(hold, in(Locale.ENGLISH)));
        assertEquals("IOSS number missing（规则“EU low value”）", RuleTexts.hold(hold, in(Locale.SIMPLIFIED_CHINESE)));
        assertEquals("", RuleTexts.hold(null, in(Locale.ENGLISH)));

        assertEquals("pool / SEA-DG", RuleTexts.value("SHIPPING_METHOD", "ship pool SEA-DG"));
        assertEquals("IOSS number missing", RuleTexts.value("HOLD", "hold IOSS number missing"));
        RuleDryRun run = new RuleDryRun("WB1", List.of(new RuleDryRun.Decision("WAREHOUSE", "warehouse W2", 3,
                "Heavy")), List.of(), List.of(
                new RuleDryRun.Skip(1, "EU", "CONDITION_NOT_MET", "country EU", "country US", List.of(), null),
                new RuleDryRun.Skip(2, "Off", "DISABLED", null, null, List.of(), null),
                new RuleDryRun.Skip(4, "Tag all", "ALREADY_DECIDED", null, null, List.of("WAREHOUSE"), null),
                new RuleDryRun.Skip(5, "Cheap", "ACTION_REFUSED", null, null, List.of(),
                        new Reason(Reason.RULE_SERVICE_WEIGHT, List.of("STD", "2500", "2000", "5", "Cheap")))));
        assertEquals("W2 (rule #3 \u201cHeavy\u201d)", RuleTexts.decision(run, "WAREHOUSE", in(Locale.ENGLISH)));
        assertEquals("W2（规则 #3“Heavy”）", RuleTexts.decision(run, "WAREHOUSE", in(Locale.SIMPLIFIED_CHINESE)));
        assertEquals("", RuleTexts.decision(run, "TAG", in(Locale.ENGLISH)));

        List<String> en = run.skips().stream().map(s -> RuleTexts.skip(s, Locale.ENGLISH, in(Locale.ENGLISH)))
                .toList();
        assertEquals(List.of("Rule #1 \u201cEU\u201d: country EU not met (country US)", "Rule #2 \u201cOff\u201d: disabled",
                "Rule #4 \u201cTag all\u201d: Warehouse already decided by an earlier rule",
                "Rule #5 \"Cheap\" skipped: service STD takes parcels up to 2,000 g; this one weighs 2,500 g"), en);
        List<String> zh = run.skips().stream().map(s -> RuleTexts.skip(s, Locale.SIMPLIFIED_CHINESE,
                in(Locale.SIMPLIFIED_CHINESE))).toList();
        assertEquals("规则 #2“Off”：已停用", zh.get(1));
        assertEquals("已跳过规则 #5“Cheap”：服务 STD 只接受不超过 2,000 克的包裹；此包裹重 2,500 克", zh.get(3));
    }
}
