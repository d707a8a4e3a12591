package io.waybill.core.internal.rulestore;

import io.waybill.core.internal.rules.ProductFlag;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.core.model.ServiceQuote;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierQuote;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code RuleService.quotes}: the parcel a carrier is asked to price, and how each carrier's answer becomes rows. */
class CarrierQuotesTest {

    /** A carrier answering what it is given, remembering the parcel. */
    private static CarrierGateway carrier(String id, java.util.function.Supplier<Result<List<CarrierQuote>>> answer,
                                          AtomicReference<CarrierService.Parcel> asked) {
        return new CarrierGateway() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor(id, id.toUpperCase(java.util.Locale.ROOT), "test");
            }

            @Override
            public Result<List<CarrierQuote>> quote(CarrierService.Parcel parcel) {
                asked.set(parcel);
                return answer.get();
            }
        };
    }

    /** A merged parcel of two orders to Germany: the first with a battery cell, the second with a mug. */
    private static RuleInput mergedParcel() {
        return RuleInput.of("WB7", "S1", "amazon", "DE", null, "47804", 940, List.of(
                new RuleInput.Source(List.of(new RuleInput.Line("CELL", 2, Set.of(ProductFlag.BATTERY))),
                        new BigDecimal("20.00"), "EUR", null, null),
                new RuleInput.Source(List.of(new RuleInput.Line("MUG", 1, Set.of()), new RuleInput.Line("CELL", 1,
                        Set.of(ProductFlag.BATTERY))), new BigDecimal("15.50"), "EUR", null, null)));
    }

    @Test
    void theParcelIsTheRulesParcel_ofEveryOrderOfAMerge() {
        CarrierService.Parcel p = ServiceLimits.parcel(mergedParcel(), true);

        assertEquals(new CarrierService.Parcel("DE", 940, new BigDecimal("35.50"), "EUR",
                Set.of(CarrierService.DangerousGoods.BATTERY), 2, true), p);
    }

    private static CarrierService.Parcel parcel() {
        return ServiceLimits.parcel(mergedParcel(), true);
    }

    @Test
    void quotesAreRowsPerService_cheapestFirst_withTheCarriersWarning() {
        AtomicReference<CarrierService.Parcel> asked = new AtomicReference<>();
        CarrierService.Parcel parcel = parcel();
        CarrierGateway yun = carrier("yunexpress", () -> Result.ok(List.of(
                new CarrierQuote("ZXHR", "Express", new BigDecimal("79.20"), "CNY", ""),
                new CarrierQuote("THPHR", "Registered", new BigDecimal("70.80"), "CNY", "7-12")),
                List.of(Message.warning("goods_type_unknown", "Priced as general goods."))), asked);

        List<ServiceQuote> rows = RuleServiceImpl.quotes(yun, parcel);

        assertEquals(parcel, asked.get());
        assertEquals(List.of(
                new ServiceQuote("yunexpress", "YUNEXPRESS", "THPHR", "Registered", new BigDecimal("70.80"), "CNY",
                        "7-12", null, "Priced as general goods."),
                new ServiceQuote("yunexpress", "YUNEXPRESS", "ZXHR", "Express", new BigDecimal("79.20"), "CNY", "",
                        null, "Priced as general goods.")), rows);
    }

    @Test
    void aCarrierWithoutPriceLookUpGivesNoRow_aFailureOneRowWithItsReason() {
        AtomicReference<CarrierService.Parcel> asked = new AtomicReference<>();
        CarrierService.Parcel parcel = parcel();
        CarrierGateway pool = new CarrierGateway() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("pool", "Pool", "test");
            }
        };
        CarrierGateway limited = carrier("yanwen", () -> Result.failure(Message.error("rate_limited",
                "Yanwen is rate limiting requests.")), asked);
        CarrierGateway broken = carrier("broken", () -> {
            throw new IllegalStateException("boom");
        }, asked);

        assertTrue(RuleServiceImpl.quotes(pool, parcel).isEmpty());
        ServiceQuote refused = RuleServiceImpl.quotes(limited, parcel).get(0);
        assertEquals("Yanwen is rate limiting requests.", refused.problem());
        assertNull(refused.total());
        assertEquals("The carrier plugin failed (IllegalStateException).",
                RuleServiceImpl.quotes(broken, parcel).get(0).problem());
        assertEquals("The carrier offers no service for this parcel.",
                RuleServiceImpl.quotes(carrier("empty", () -> Result.ok(List.of()), asked), parcel).get(0).problem());
    }

    @Test
    void theShellPrintsPricesThenNotesThenProblems() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        io.waybill.core.internal.shell.CarrierQuoteCommandAccess.print("WB7", List.of(
                new ServiceQuote("yunexpress", "YunExpress", "THPHR", "Registered", new BigDecimal("70.80"), "CNY",
                        "7-12", null, null),
                new ServiceQuote("yanwen", "Yanwen", null, null, null, null, null, "Yanwen is rate limiting.", null)),
                new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        String out = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);

        assertTrue(out.contains("yunexpress | THPHR      |      70.80 | CNY      | 7-12     | Registered"), out);
        assertTrue(out.contains("yanwen: no prices - Yanwen is rate limiting."), out);
    }
}
