package io.waybill.core.internal.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** A base package for the rule tests: store S1 (csv), DE 10115 Berlin, 800 g, 99.50 EUR, 2 x SKU-A, no flags. */
final class RuleFixtures {

    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private RuleFixtures() {
    }

    static RuleInput base() {
        return new RuleInput("WB1", "S1", "csv", "DE", "Berlin", "10115", 800, new BigDecimal("99.50"), "EUR",
                List.of(new RuleInput.Line("SKU-A", 2, Set.of())), null, null);
    }

    static RuleInput with(RuleInput b, String store, String platform, String country, String region, String postal,
                          Integer weight, BigDecimal value, String currency, List<RuleInput.Line> lines, String note,
                          Instant shipBy) {
        return new RuleInput(b.packageNo(), store != null ? store : b.storeCode(),
                platform != null ? platform : b.platform(), country != null ? country : b.countryCode(),
                region != null ? region : b.region(), postal != null ? postal : b.postalCode(),
                weight != null ? weight : b.weightGrams(), value != null ? value : b.orderValue(),
                currency != null ? currency : b.currency(), lines != null ? lines : b.lines(),
                note != null ? note : b.buyerNote(), shipBy != null ? shipBy : b.shipBy());
    }
}
