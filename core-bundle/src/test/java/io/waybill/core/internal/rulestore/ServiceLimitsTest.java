package io.waybill.core.internal.rulestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.waybill.core.internal.rules.Action;
import io.waybill.core.internal.rules.Condition;
import io.waybill.core.internal.rules.Evaluation;
import io.waybill.core.internal.rules.ProductFlag;
import io.waybill.core.internal.rules.Rule;
import io.waybill.core.internal.rules.RuleEngine;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.core.model.Reason;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.PluginDescriptor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A rule's carrier service checked against the limits the carrier declares (SPI carrier 1.2), without a database. */
class ServiceLimitsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** Carrier "air": STD (US/DE, 2 kg, no dangerous goods), DG (batteries, 150 EUR at most); "legacy" declares none. */
    private static final Map<String, CarrierGateway> CARRIERS = Map.of(
            "air", gateway(List.of(
                    new CarrierService("STD", "Standard", Set.of("US", "DE"), 2000, null, null, Set.of(), false,
                            Set.of(), null),
                    new CarrierService("DG", "Dangerous goods", Set.of(), null, new BigDecimal("150"), "EUR",
                            Set.of(CarrierService.DangerousGoods.BATTERY), true, Set.of(), 3))),
            "legacy", gateway(List.of()));

    private static CarrierGateway gateway(List<CarrierService> services) {
        return new CarrierGateway() {
            @Override
            public PluginDescriptor descriptor() {
                return null;
            }

            @Override
            public List<CarrierService> services() {
                return services;
            }
        };
    }

    private static RuleInput input(String no, String country, int grams, String value, String currency,
                                   ProductFlag... flags) {
        return new RuleInput(no, "S1", "csv", country, null, "10115", grams, value == null ? null
                : new BigDecimal(value), currency, List.of(new RuleInput.Line("A", 1, Set.of(flags))), null, null);
    }

    private static final ServiceLimits LIMITS = new ServiceLimits(id -> Optional.ofNullable(CARRIERS.get(id)),
            no -> no.startsWith("C"));

    @Test
    void eachLimitRefusesWithTheCarriersCodeAndParams() {
        // table: input, carrier, service -> refusal code and params (null = accepted)
        Object[][] cases = {
                {input("P1", "US", 500, "20", "USD"), "air", "STD", null},
                {input("P2", "FR", 500, "20", "EUR"), "air", "STD", "rule_service_destination [STD, FR]"},
                {input("P3", "US", 2500, "20", "USD"), "air", "STD", "rule_service_weight [STD, 2500, 2000]"},
                {input("P4", "US", 500, "20", "USD", ProductFlag.BATTERY), "air", "STD",
                        "rule_service_dangerous_goods [STD, battery]"},
                {input("C5", "US", 500, "20", "EUR", ProductFlag.BATTERY), "air", "DG", null},
                {input("P6", "US", 500, "20", "EUR", ProductFlag.BATTERY), "air", "DG",
                        "rule_service_customs_data [DG]"},
                {input("C7", "US", 500, "200", "EUR"), "air", "DG", "rule_service_value [DG, 200, EUR, 150, EUR]"},
                {input("C8", "US", 500, "20", "USD"), "air", "DG", "rule_service_value_currency [DG, USD, EUR]"},
                {input("C9", "US", 500, null, null), "air", "DG", "rule_service_value_unknown [DG, 150, EUR]"},
                {input("P10", "US", 500, "20", "USD"), "air", "EXPRESS", "rule_service_unknown [air, EXPRESS]"},
                {input("P11", "FR", 99_000, "20", "USD"), "legacy", "ANY", null},
                {input("P12", "FR", 99_000, "20", "USD"), "missing", "ANY", null},
        };
        for (Object[] c : cases) {
            Evaluation.Refusal r = LIMITS.refuse(new Action.AssignShippingMethod((String) c[1], (String) c[2]),
                    (RuleInput) c[0]);
            assertEquals(c[3], r == null ? null : r.code() + " " + r.params(), Arrays.toString(c));
        }
        assertNull(LIMITS.refuse(new Action.AddTag("x"), input("P1", "FR", 99_000, null, null)));
    }

    @Test
    void aRuleWhoseServiceCannotTakeThePackageIsSkippedAndTheNextRuleDecides() {
        RuleEngine engine = new RuleEngine(List.of(
                new Rule(1, "Cheap", true, List.of(), List.of(new Action.AssignShippingMethod("air", "STD"),
                        new Action.AddTag("cheap"))),
                new Rule(2, "Batteries", true, List.of(new Condition.HasFlag(Set.of(ProductFlag.BATTERY))),
                        List.of(new Action.AssignShippingMethod("air", "DG")))));
        RuleInput battery = input("C1", "US", 500, "20", "EUR", ProductFlag.BATTERY);

        Evaluation e = engine.evaluate(battery, NOW, LIMITS);

        assertEquals(List.of(new Evaluation.Decision(new Action.AssignShippingMethod("air", "DG"), 2, "Batteries", 2)),
                e.decisions());
        Evaluation.Skip skip = e.skipped().get(0);
        assertEquals(Evaluation.SkipReason.ACTION_REFUSED, skip.reason());
        assertEquals("rule #1 \"Cheap\": shipping method air / STD - refused: Service STD does not carry battery.",
                e.explain(skip));
        // the history sentence: the refusal's params, then the rule
        Reason history = new Reason(skip.refused().code(), List.of("STD", "battery", "1", "Cheap"));
        assertEquals("Rule #1 \"Cheap\" skipped: service STD does not carry battery", history.english());
        // the dry run is the same evaluation
        assertEquals(e, engine.dryRun(List.of(battery), NOW, LIMITS).get(0));
    }
}
