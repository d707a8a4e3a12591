package io.waybill.core.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The text form of rules: every keyword, round trips over random rules, and unreadable lines with a reason. */
class RuleTextTest {

    @Test
    void everyKeywordReadsAsTheCondition() {
        assertEquals(List.of(new Condition.StoreIn(Set.of("S1", "S2")), new Condition.PlatformIn(Set.of("csv")),
                Condition.CountryIn.region("EU"), new Condition.CountryIn(Set.of("US", "CA")),
                new Condition.RegionIn(Set.of("CA")), new Condition.PostalCodeLike(List.of("75*", "SW1?*")),
                new Condition.WeightBetween(2001, null), new Condition.WeightBetween(null, 500),
                new Condition.ValueBetween(null, new BigDecimal("150"), "EUR"),
                new Condition.ValueBetween(new BigDecimal("10.5"), new BigDecimal("20"), "USD"),
                new Condition.ContainsSku(Set.of("A-1", "B-2")),
                new Condition.HasFlag(Set.of(ProductFlag.BATTERY, ProductFlag.LIQUID)),
                new Condition.ItemsBetween(3, null), new Condition.BuyerNote(true), new Condition.BuyerNote(false),
                new Condition.ShipByWithin(24)),
                RuleText.parseConditions("store S1, S2\nplatform CSV\ncountry eu\ncountry us,ca\nregion ca\n"
                        + "postal 75*,sw1? *\nweight 2001..\nweight ..500\nvalue ..150 eur\nvalue 10.5..20 USD\n"
                        + "\n sku A-1,B-2\nflag battery,LIQUID\nitems 3..\nnote yes\nnote no\nshipby 24"));
        assertEquals(List.of(new Action.AssignWarehouse("W2"), new Action.AssignShippingMethod("pool-main", "SEA-DG"),
                new Action.HoldForReview("IOSS number missing"), new Action.AddTag("DG")),
                RuleText.parseActions("warehouse W2\nship pool-main  SEA-DG\nhold IOSS number missing\ntag DG"));
        assertEquals(List.of(), RuleText.parseConditions(" \n"));
    }

    @Test
    void formatThenParseGivesTheSameRulesForRandomRuleLists() {
        for (long seed = 1; seed <= 30; seed++) {
            for (Rule r : new RuleGenerator(seed).rules(60)) {
                String when = RuleText.formatConditions(r.conditions());
                String then = RuleText.formatActions(r.actions());
                assertEquals(r.conditions(), RuleText.parseConditions(when), when);
                assertEquals(r.actions(), RuleText.parseActions(then), then);
                assertEquals(when, RuleText.formatConditions(RuleText.parseConditions(when)));
            }
        }
        assertEquals("country EU", RuleText.format(Condition.CountryIn.region("EU")));
        Action hold = new Action.HoldForReview("check address; call buyer");
        assertEquals(List.of(hold), RuleText.parseActions(RuleText.format(hold)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "colour red|invalid", "weight heavy|invalid", "weight 5|invalid", "weight 500..100|invalid_range",
            "value 150 EUR|invalid", "value ..150|invalid", "value ..x EUR|invalid", "flag radioactive|invalid",
            "note maybe|invalid", "shipby 0|invalid_range", "country Germany|invalid", "country|invalid",
            "postal 75[0-9]|invalid"})
    void unreadableConditionsSayWhy(String line, String code) {
        assertEquals(code, assertThrows(InvalidRuleException.class, () -> RuleText.condition(line)).code());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"fly home|invalid", "ship pool|invalid", "ship a b c|invalid",
            "tag two words|tag_invalid", "hold|invalid"})
    void unreadableActionsSayWhy(String line, String code) {
        assertEquals(code, assertThrows(InvalidRuleException.class, () -> RuleText.action(line)).code());
    }
}
