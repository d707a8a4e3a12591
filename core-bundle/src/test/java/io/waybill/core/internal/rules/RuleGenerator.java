package io.waybill.core.internal.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Random packages and rule lists from a seeded {@link Random}: the same seed gives the same data. */
final class RuleGenerator {

    static final String[] COUNTRIES = {"DE", "FR", "US", "GB", "CN", "JP", "ES", "IT", "PL", "AU"};
    static final String[] STORES = {"S1", "S2", "S3", "S4"};
    static final String[] PLATFORMS = {"csv", "shopify", "ebay"};
    static final String[] REGIONS = {"CA", "NY", "TX", "BAYERN", "BERLIN", null};
    static final String[] CURRENCIES = {"EUR", "USD", "GBP"};

    private final Random random;

    RuleGenerator(long seed) {
        this.random = new Random(seed);
    }

    RuleInput input(int n, Instant now) {
        int lineCount = 1 + random.nextInt(4);
        List<RuleInput.Line> lines = new ArrayList<>(lineCount);
        for (int i = 0; i < lineCount; i++) {
            Set<ProductFlag> flags = EnumSet.noneOf(ProductFlag.class);
            for (ProductFlag f : ProductFlag.values()) {
                if (random.nextInt(10) == 0) {
                    flags.add(f);
                }
            }
            lines.add(new RuleInput.Line("SKU-" + random.nextInt(200), 1 + random.nextInt(5), flags));
        }
        return new RuleInput("WB" + n, pick(STORES), pick(PLATFORMS), pick(COUNTRIES), pick(REGIONS),
                random.nextInt(8) == 0 ? null : String.format("%05d", random.nextInt(100_000)),
                50 + random.nextInt(5000),
                random.nextInt(10) == 0 ? null : BigDecimal.valueOf(random.nextInt(40_000), 2), pick(CURRENCIES),
                lines, random.nextInt(5) == 0 ? "note " + n : null,
                random.nextInt(6) == 0 ? null : now.plusSeconds(random.nextInt(96 * 3600) - 12 * 3600L));
    }

    List<Rule> rules(int count) {
        List<Rule> rules = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int nConditions = random.nextInt(4);
            List<Condition> conditions = new ArrayList<>(nConditions);
            for (int c = 0; c < nConditions; c++) {
                conditions.add(condition());
            }
            List<Action> actions = new ArrayList<>();
            Set<Action.Kind> kinds = new HashSet<>();
            int nActions = 1 + random.nextInt(2);
            while (actions.size() < nActions) {
                Action a = action(i);
                if (kinds.add(a.kind())) {
                    actions.add(a);
                }
            }
            rules.add(new Rule(1000 + i, "rule " + i, random.nextInt(8) != 0, conditions, actions));
        }
        return rules;
    }

    Condition condition() {
        return switch (random.nextInt(12)) {
            case 0 -> new Condition.StoreIn(Set.of(pick(STORES)));
            case 1 -> new Condition.PlatformIn(Set.of(pick(PLATFORMS)));
            case 2 -> random.nextBoolean() ? Condition.CountryIn.region("EU")
                    : new Condition.CountryIn(Set.copyOf(List.of(pick(COUNTRIES), pick(COUNTRIES))));
            case 3 -> new Condition.RegionIn(Set.of("CA", "BAYERN"));
            case 4 -> new Condition.PostalCodeLike(List.of(random.nextInt(10) + "*", "?" + random.nextInt(10) + "*"));
            case 5 -> {
                int min = random.nextInt(3000);
                yield new Condition.WeightBetween(min, random.nextBoolean() ? null : min + random.nextInt(3000));
            }
            case 6 -> new Condition.ValueBetween(null, BigDecimal.valueOf(random.nextInt(300)), pick(CURRENCIES));
            case 7 -> new Condition.ContainsSku(
                    Set.copyOf(List.of("SKU-" + random.nextInt(200), "SKU-" + random.nextInt(200))));
            case 8 -> new Condition.HasFlag(Set.of(ProductFlag.values()[random.nextInt(4)]));
            case 9 -> new Condition.ItemsBetween(1 + random.nextInt(4), null);
            case 10 -> new Condition.BuyerNote(random.nextBoolean());
            default -> new Condition.ShipByWithin(1 + random.nextInt(72));
        };
    }

    Action action(int i) {
        return switch (random.nextInt(4)) {
            case 0 -> new Action.AssignWarehouse("W" + random.nextInt(5));
            case 1 -> new Action.AssignShippingMethod("carrier" + random.nextInt(3), "SVC" + random.nextInt(4));
            case 2 -> new Action.HoldForReview("reason " + i);
            default -> new Action.AddTag("tag" + random.nextInt(6));
        };
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
