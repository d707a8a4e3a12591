package io.waybill.carrier.pool.internal;

import io.waybill.spi.carrier.LabelDocument;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolCarrierGatewayTest {

    private static final Address WAREHOUSE = new Address("Shop", "", "1 Dock Rd", "", "Shenzhen", "GD", "518000",
            "CN", "", "");
    private static final Address CUSTOMER = new Address("Ann", "", "2 High St", "", "Leeds", "", "LS1 1AA",
            "GB", "", "");
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Test
    void descriptorNamesThePool() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of()));
        // when / then
        assertEquals("pool", gateway.descriptor().id());
        assertEquals("Tracking-number pool (UPU S10)", gateway.descriptor().displayName());
        assertFalse(gateway.descriptor().description().isBlank());
    }

    @Test
    void servicesAreTheRangesServiceIndicators_inOrder_withoutLimitsOfTheirOwn() {
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of("ranges", new String[] {
                "RR10000000-10000099CN", "LX20000000-20000099CN", "RR30000000-30000099CN"})));
        List<io.waybill.spi.carrier.CarrierService> services = gateway.services();
        assertEquals(List.of("RR", "LX"), services.stream().map(io.waybill.spi.carrier.CarrierService::code).toList());
        assertEquals("Registered letter-post (RR)", services.get(0).name());
        assertEquals("Letter-post, tracked (LX)", services.get(1).name());
        io.waybill.spi.carrier.CarrierService.Parcel anything = new io.waybill.spi.carrier.CarrierService.Parcel(
                "US", 30_000, null, "CNY", java.util.Set.of(io.waybill.spi.carrier.CarrierService.DangerousGoods
                .BATTERY), 50, false);
        assertTrue(services.get(0).accepts(anything));
        assertEquals(List.of(), gateway(Configs.pool(Map.of())).services());
    }

    @Test
    void descriptorUsesTheConfiguredDisplayName() {
        // given / when
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of("displayName", "China Post registered")));
        // then
        assertEquals("pool", gateway.descriptor().id());
        assertEquals("China Post registered", gateway.descriptor().displayName());
    }

    @Test
    void descriptorWorksBeforeActivation() {
        // given / when / then
        assertEquals("pool", new PoolCarrierGateway().descriptor().id());
    }

    @Test
    void createShipmentHandsOutTheNextNumberOfTheRange() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        // when
        Result<ShipmentResponse> first = gateway.createShipment(request(""));
        Result<ShipmentResponse> second = gateway.createShipment(request(""));
        // then
        assertTrue(first.isOk(), first.messages().toString());
        assertEquals(new ShipmentResponse(ShipmentResponse.State.TRACKED, "RR100000003CN", "RR100000003CN"),
                first.value());
        assertEquals("RR100000017CN", second.value().trackingNumber());
    }

    @Test
    void everySuccessWarnsThatThePoolIsNotDurable() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request(""));
        // then: still ok, with a warning that names the number to move the range start past
        assertTrue(result.isOk());
        Message warning = only(result, PoolCarrierGateway.NOT_DURABLE);
        assertEquals(Message.Severity.WARNING, warning.severity());
        assertTrue(warning.text().contains("RR100000003CN"), warning.text());
    }

    @Test
    void noRangeConfiguredIsAFailureWithCodeNoRange() {
        // given a pool without ranges (the state right after dropping the bundle into deploy/)
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of()));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request(""));
        // then
        assertFalse(result.isOk());
        assertNull(result.value());
        Message error = only(result, PoolCarrierGateway.NO_RANGE);
        assertEquals(Message.Severity.ERROR, error.severity());
        assertTrue(error.text().contains("RR10000000-10009999CN"), "text shows an example: " + error.text());
        assertTrue(error.text().contains("io.waybill.carrier.pool"), "text names the settings: " + error.text());
    }

    @Test
    void notActivatedIsAlsoNoRange() {
        // given / when
        Result<ShipmentResponse> result = new PoolCarrierGateway().createShipment(request(""));
        // then
        assertEquals(PoolCarrierGateway.NO_RANGE, result.messages().get(0).code());
    }

    @Test
    void exhaustedRangeIsAFailureWithCodePoolExhausted() {
        // given a range of two numbers, both handed out
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10000001CN"));
        assertTrue(gateway.createShipment(request("")).isOk());
        assertTrue(gateway.createShipment(request("")).isOk());
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request(""));
        // then
        assertFalse(result.isOk());
        Message error = only(result, PoolCarrierGateway.EXHAUSTED);
        assertEquals(Message.Severity.ERROR, error.severity());
        assertTrue(error.text().contains("RR10000000-10000001CN"), error.text());
    }

    @Test
    void moveToTheNextRangeWhenOneIsUsedUp() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10000000CN", "RR20000000-20000009CN"));
        // when
        String first = gateway.createShipment(request("")).value().trackingNumber();
        String second = gateway.createShipment(request("")).value().trackingNumber();
        // then
        assertEquals("RR100000003CN", first);
        assertEquals("RR200000006CN", second); // 20000000: S = 2*8 = 16, 16 mod 11 = 5, C = 6
    }

    @Test
    void lowWaterWarningOnceFewerNumbersAreLeftThanTheThreshold() {
        // given 5 numbers and a threshold of 3
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of(
                "ranges", new String[]{"RR10000000-10000004CN"}, "lowWaterThreshold", 3)));
        // when: 4 left, 3 left, 2 left
        Result<ShipmentResponse> leaves4 = gateway.createShipment(request(""));
        Result<ShipmentResponse> leaves3 = gateway.createShipment(request(""));
        Result<ShipmentResponse> leaves2 = gateway.createShipment(request(""));
        // then
        assertFalse(has(leaves4, PoolCarrierGateway.POOL_LOW));
        assertFalse(has(leaves3, PoolCarrierGateway.POOL_LOW));
        Message low = only(leaves2, PoolCarrierGateway.POOL_LOW);
        assertEquals(Message.Severity.WARNING, low.severity());
        assertTrue(low.text().startsWith("Only 2 tracking numbers are left for service indicator RR"), low.text());
        assertTrue(leaves2.isOk());
    }

    @Test
    void lowWaterThresholdZeroNeverWarns() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of(
                "ranges", new String[]{"RR10000000-10000000CN"}, "lowWaterThreshold", 0)));
        // when
        Result<ShipmentResponse> last = gateway.createShipment(request(""));
        // then
        assertFalse(has(last, PoolCarrierGateway.POOL_LOW));
    }

    @Test
    void serviceCodeChoosesTheRangesOfThatServiceIndicator() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN", "LX00000000-00000009CN"));
        // when
        Result<ShipmentResponse> lx = gateway.createShipment(request("lx"));
        Result<ShipmentResponse> rr = gateway.createShipment(request("RR"));
        // then
        assertEquals("LX000000005CN", lx.value().trackingNumber());
        assertEquals("RR100000003CN", rr.value().trackingNumber());
    }

    @Test
    void serviceCodeWithoutARangeIsNoRange() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request("EE"));
        // then
        assertFalse(result.isOk());
        Message error = only(result, PoolCarrierGateway.NO_RANGE);
        assertTrue(error.text().contains("service indicator EE"), error.text());
    }

    @Test
    void serviceCodeThatIsNoServiceIndicatorIsBadService() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request("standard"));
        // then
        assertEquals(PoolCarrierGateway.BAD_SERVICE, only(result, PoolCarrierGateway.BAD_SERVICE).code());
        assertFalse(result.isOk());
    }

    @Test
    void exhaustedServiceIndicatorDoesNotBorrowFromAnother() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10000000CN", "LX00000000-00000009CN"));
        gateway.createShipment(request("RR"));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request("RR"));
        // then
        assertTrue(only(result, PoolCarrierGateway.EXHAUSTED).text().contains("service indicator RR"));
    }

    @Test
    void invalidRangesSettingIsBadConfigAndHandsOutNothing() {
        // given one good and one bad range
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN", "RR1000-2000CN"));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(request(""));
        // then
        assertFalse(result.isOk());
        Message error = only(result, PoolCarrierGateway.BAD_CONFIG);
        assertTrue(error.text().contains("RR1000-2000CN"), error.text());
        assertTrue(error.text().contains("expected 2-letter service indicator"), error.text());
    }

    @Test
    void overlappingRangesAreBadConfig() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN", "RR10005000-10019999CN"));
        // when / then
        only(gateway.createShipment(request("")), PoolCarrierGateway.BAD_CONFIG);
    }

    @Test
    void fixingTheSettingMakesThePoolWork() {
        // given a gateway with a bad setting
        PoolCarrierGateway gateway = gateway(Configs.ranges("nonsense"));
        // when the operator fixes it
        gateway.configure(Configs.ranges("RR10000000-10009999CN"));
        // then
        assertTrue(gateway.createShipment(request("")).isOk());
    }

    @Test
    void changingSettingsDoesNotHandOutNumbersAgain() {
        // given two numbers handed out
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        gateway.createShipment(request(""));
        gateway.createShipment(request(""));
        // when the display name changes and a range is added
        gateway.configure(Configs.pool(Map.of("displayName", "Registered mail",
                "ranges", new String[]{"RR10000000-10009999CN", "LX00000000-00000009CN"})));
        // then the kept range continues
        assertEquals("RR100000025CN", gateway.createShipment(request("RR")).value().trackingNumber());
        assertEquals("Registered mail", gateway.descriptor().displayName());
    }

    @Test
    void sameIdempotencyKeyGetsTheSameNumber() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        ShipmentRequest request = request("");
        // when the core retries the same package
        String first = gateway.createShipment(request).value().trackingNumber();
        String retry = gateway.createShipment(request).value().trackingNumber();
        String other = gateway.createShipment(request("")).value().trackingNumber();
        // then
        assertEquals(first, retry);
        assertEquals("RR100000017CN", other);
    }

    @Test
    void noIdempotencyKeyMeansANewNumberEachTime() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        ShipmentRequest request = new ShipmentRequest(null, "P1", "O1", "", WAREHOUSE, CUSTOMER, 100, List.of());
        // when
        String first = gateway.createShipment(request).value().trackingNumber();
        String second = gateway.createShipment(request).value().trackingNumber();
        // then
        assertFalse(first.equals(second));
    }

    @Test
    void nullRequestIsAFailureNotAnException() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        // when
        Result<ShipmentResponse> result = gateway.createShipment(null);
        // then
        assertEquals(PoolCarrierGateway.BAD_REQUEST, only(result, PoolCarrierGateway.BAD_REQUEST).code());
    }

    @Test
    void unexpectedExceptionBecomesAnInternalErrorMessage() {
        // given an operation that fails in a way nobody planned for (the wrapper createShipment runs in)
        // when
        Result<ShipmentResponse> result = PoolCarrierGateway.failSafe(() -> {
            throw new IllegalStateException("boom");
        });
        // then
        assertFalse(result.isOk());
        Message error = only(result, PoolCarrierGateway.INTERNAL);
        assertEquals(Message.Severity.ERROR, error.severity());
        assertTrue(error.text().endsWith("IllegalStateException: boom"), error.text());
    }

    @Test
    void unsupportedOperationsSayUnsupported() {
        // given
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        ShipmentRef ref = new ShipmentRef("RR100000003CN", "RR100000003CN");
        // when
        Result<ShipmentResponse> tracking = gateway.fetchTrackingNumber(ref);
        Result<LabelDocument> label = gateway.fetchLabel(ref);
        // then
        for (Result<?> result : List.of(tracking, label)) {
            assertFalse(result.isOk());
            assertEquals(Result.UNSUPPORTED, result.messages().get(0).code());
        }
    }

    @Test
    void cancellingRetiresTheNumberAndLetsTheVoidProceed() {
        PoolCarrierGateway gateway = gateway(Configs.ranges("RR10000000-10009999CN"));
        Result<Boolean> cancel = gateway.cancelShipment(new ShipmentRef("RR100000003CN", "RR100000003CN"));
        assertTrue(cancel.isOk());
        assertEquals("number_retired", cancel.messages().get(0).code());
        assertTrue(cancel.messages().get(0).text().contains("RR100000003CN"));
    }

    @Test
    void eightThreadsCreatingShipmentsNeverShareANumber() throws Exception {
        // given 1000 numbers and 8 threads asking 150 times each (1200 requests)
        PoolCarrierGateway gateway = gateway(Configs.pool(Map.of(
                "ranges", new String[]{"RR10000000-10000999CN"}, "lowWaterThreshold", 100)));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Result<ShipmentResponse>>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    List<Result<ShipmentResponse>> mine = new ArrayList<>();
                    for (int i = 0; i < 150; i++) {
                        mine.add(gateway.createShipment(request("")));
                    }
                    return mine;
                }));
            }
            // when
            start.countDown();
            List<Result<ShipmentResponse>> all = new ArrayList<>();
            for (Future<List<Result<ShipmentResponse>>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            // then: exactly 1000 distinct numbers, the other 200 requests told "exhausted"
            Set<String> numbers = new HashSet<>();
            int exhausted = 0;
            for (Result<ShipmentResponse> r : all) {
                if (r.isOk()) {
                    assertTrue(numbers.add(r.value().trackingNumber()), "handed out twice: " + r.value());
                } else {
                    assertEquals(PoolCarrierGateway.EXHAUSTED, r.messages().get(0).code());
                    exhausted++;
                }
            }
            assertEquals(1000, numbers.size());
            assertEquals(200, exhausted);
        } finally {
            executor.shutdownNow();
        }
    }

    private static PoolCarrierGateway gateway(PoolConfig config) {
        PoolCarrierGateway gateway = new PoolCarrierGateway();
        gateway.configure(config);
        return gateway;
    }

    /** A request for a new package, with a fresh idempotency key. */
    private static ShipmentRequest request(String serviceCode) {
        int n = KEYS.incrementAndGet();
        return new ShipmentRequest("pkg-" + n + "-1", "P" + n, "O" + n, serviceCode, WAREHOUSE, CUSTOMER, 250,
                List.of(new ShipmentRequest.Item("SKU-1", "T-shirt", 1, 250)));
    }

    private static boolean has(Result<?> result, String code) {
        return result.messages().stream().anyMatch(m -> m.code().equals(code));
    }

    /** The single message with this code. */
    private static Message only(Result<?> result, String code) {
        List<Message> matching = result.messages().stream().filter(m -> m.code().equals(code)).toList();
        assertEquals(1, matching.size(), "messages: " + result.messages());
        return matching.get(0);
    }
}
