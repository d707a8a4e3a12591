package io.waybill.core.internal.rulestore;

import io.waybill.core.model.OrderValue;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Product;
import io.waybill.core.model.ServiceQuote;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierQuote;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code RuleService.quotes}: the parcel a carrier is asked to price, and how each carrier's answer becomes rows. */
class CarrierQuotesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T06:00:00Z");

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

    private static PackageDetail detail() {
        PackageRow row = new PackageRow(1, "WB7", "O7", "S1", "Store", "amazon", "Ann", "DE", "CELL x2", 640, NOW,
                PackageStatus.ALLOCATED, null);
        PackageDetail.Line cell = new PackageDetail.Line("CELL", "Cell", 2, 300, new BigDecimal("10.00"), "EUR", true,
                List.of());
        Address to = new Address("Ann", null, "Forstwald Strasse 674", null, "Krefeld", null, "47804", "DE", null,
                null);
        return new PackageDetail(row, "P7", false, to, List.of(cell), "SZ-01", 0, List.of(), List.of(), null, null,
                new OrderValue(new BigDecimal("20.00"), null, "EUR", null, null, null));
    }

    private static Optional<Product> product(String sku) {
        return "CELL".equals(sku) ? Optional.of(new Product("CELL", "Cell", null, List.of(), 300, null, null, null,
                null, null, null, "850650", "CN", null, true, false, false, false, true, List.of(), "Lithium cell",
                null)) : Optional.empty();
    }

    @Test
    void theParcelIsTheRulesParcel_countryWeightValueAndDangerousGoods() {
        CarrierService.Parcel p = RuleServiceImpl.parcel(detail(), CarrierQuotesTest::product);

        assertEquals(new CarrierService.Parcel("DE", 640, new BigDecimal("20.00"), "EUR",
                Set.of(CarrierService.DangerousGoods.BATTERY), 1, true), p);
    }

    @Test
    void quotesAreRowsPerService_cheapestFirst_withTheCarriersWarning() {
        AtomicReference<CarrierService.Parcel> asked = new AtomicReference<>();
        CarrierService.Parcel parcel = RuleServiceImpl.parcel(detail(), CarrierQuotesTest::product);
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
        CarrierService.Parcel parcel = RuleServiceImpl.parcel(detail(), CarrierQuotesTest::product);
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
