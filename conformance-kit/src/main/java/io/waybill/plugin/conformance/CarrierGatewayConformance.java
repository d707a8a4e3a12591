package io.waybill.plugin.conformance;

import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.CustomsDeclaration;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conformance tests every {@link CarrierGateway} passes. A carrier plugin's test sources extend this class and give
 * the fixture: {@link #plugin()}, {@link #request(String)}, {@link #shipment()}, usually {@link #stub()} and
 * {@link #secrets()}, and for the idempotency test {@link #stubRememberingProvider()} / {@link #createdAtProvider()}.
 */
public abstract class CarrierGatewayConformance extends PluginConformance<CarrierGateway> {

    public static final String CREATE = "createShipment";
    public static final String TRACKING = "fetchTrackingNumber";
    public static final String LABEL = "fetchLabel";
    public static final String CANCEL = "cancelShipment";
    /** SPI 1.4: price estimates; answered {@code unsupported} by a plugin that does not override {@link #offersQuotes()}. */
    public static final String QUOTE = "quote";

    /** A complete request with this idempotency key, one the plugin can send. */
    protected abstract ShipmentRequest request(String idempotencyKey);

    /** A shipment the provider knows (ids as the plugin's own tests use them). */
    protected abstract ShipmentRef shipment();

    /**
     * Makes the stub behave like the provider for a repeated create: the first create succeeds, a repeat with the
     * same key ({@code conformance-idem-1}) finds it (an idempotency header, a search by the key). Returns true when
     * the plugin must then not create twice even if it does not claim {@code honoursIdempotencyKey()} (a best-effort
     * duplicate check); a plugin without a provider returns false and leaves the stub alone.
     */
    protected boolean stubRememberingProvider() {
        return false;
    }

    /** Whether the plugin offers {@code quote} (SPI 1.4); the SPI's default answers {@code unsupported}. */
    protected boolean offersQuotes() {
        return false;
    }

    /** The parcel {@code quote} is asked about: one the plugin's services take (override when they do not). */
    protected CarrierService.Parcel parcel() {
        return new CarrierService.Parcel("US", 500, new BigDecimal("20.00"), "USD", Set.of(), 1, true);
    }

    /**
     * {@code quote} unless the plugin offers it; a plugin that lacks other operations too returns
     * {@code union(super.unsupported(), ...)}.
     */
    @Override
    protected Set<String> unsupported() {
        return offersQuotes() ? Set.of() : Set.of(QUOTE);
    }

    /** The names of both sets, for a subclass's {@link #unsupported()}. */
    protected static Set<String> union(Set<String> a, String... more) {
        Set<String> all = new HashSet<>(a);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** How many shipments the provider created (e.g. WireMock's count of creating requests); -1 when not counted. */
    protected int createdAtProvider() {
        return -1;
    }

    @Override
    protected List<Call<CarrierGateway>> calls() {
        return List.of(
                new Call<>(CREATE, g -> g.createShipment(request("conformance-1"))),
                new Call<>(TRACKING, g -> g.fetchTrackingNumber(shipment())),
                new Call<>(LABEL, g -> g.fetchLabel(shipment())),
                new Call<>(CANCEL, g -> g.cancelShipment(shipment())),
                new Call<>(QUOTE, g -> g.quote(parcel())));
    }

    @Override
    protected List<Call<CarrierGateway>> garbageCalls() {
        ShipmentRef blank = new ShipmentRef("", "");
        ShipmentRef nothing = new ShipmentRef(null, null);
        ShipmentRef odd = new ShipmentRef("../../x?y=1&z=%00#", "\u0000\n'\"<>");
        ShipmentRequest r = request("conformance-garbage");
        ShipmentRequest bare = new ShipmentRequest(null, null, null, null, r.sender(), r.recipient(), 0, List.of());
        // a 1.2 declaration with every customs field missing or odd: the plugin answers, it does not throw
        ShipmentRequest oddCustoms = new ShipmentRequest(r.idempotencyKey(), r.packageNo(), r.orderNo(),
                r.serviceCode(), r.sender(), r.recipient(), r.weightGrams(), List.of(
                        new ShipmentRequest.Item("SKU-1", null, 1, 0, null, null, null, null, null, 0),
                        new ShipmentRequest.Item("SKU-2", "\u0000\n'\"<>", 2, 10, "../x", "手机壳\u0000",
                                new BigDecimal("-1.005"), "??", "ZZ", -5)),
                new CustomsDeclaration(null, new CustomsDeclaration.TaxIds(null, "", "\n", "'\"")));
        return List.of(
                new Call<>(CREATE + "(no key, no weight, no items)", g -> g.createShipment(bare)),
                new Call<>(CREATE + "(null)", g -> g.createShipment(null)),
                new Call<>(CREATE + "(odd customs)", g -> g.createShipment(oddCustoms)),
                new Call<>(TRACKING + "(blank)", g -> g.fetchTrackingNumber(blank)),
                new Call<>(TRACKING + "(nulls)", g -> g.fetchTrackingNumber(nothing)),
                new Call<>(TRACKING + "(odd)", g -> g.fetchTrackingNumber(odd)),
                new Call<>(TRACKING + "(null)", g -> g.fetchTrackingNumber(null)),
                new Call<>(LABEL + "(blank)", g -> g.fetchLabel(blank)),
                new Call<>(LABEL + "(odd)", g -> g.fetchLabel(odd)),
                new Call<>(LABEL + "(null)", g -> g.fetchLabel(null)),
                new Call<>(CANCEL + "(nulls)", g -> g.cancelShipment(nothing)),
                new Call<>(CANCEL + "(odd)", g -> g.cancelShipment(odd)),
                new Call<>(CANCEL + "(null)", g -> g.cancelShipment(null)),
                new Call<>(QUOTE + "(null)", g -> g.quote(null)),
                new Call<>(QUOTE + "(nonsense)", g -> g.quote(new CarrierService.Parcel("??", -5,
                        new BigDecimal("-1.005"), "\u0000", null, -1, false))));
    }

    @Test
    void descriptor_isComplete() {
        PluginDescriptor d = plugin().descriptor();
        if (d == null || d.id() == null || d.id().isBlank() || d.displayName() == null || d.displayName().isBlank()) {
            throw new AssertionError("descriptor needs an id and a display name: " + d);
        }
    }

    @Test
    void spiDefaults_answerUnsupported() {
        CarrierGateway bare = () -> new PluginDescriptor("bare", "Bare", "");
        for (Result<?> r : List.of(bare.createShipment(request("k")), bare.fetchTrackingNumber(shipment()),
                bare.fetchLabel(shipment()), bare.cancelShipment(shipment()))) {
            Conformance.assertFailedWith(r, MessageCodes.UNSUPPORTED, "an SPI default");
        }
    }

    /**
     * SPI 1.3: {@code createShipments} answers one result per request, in the order given, and never throws; a
     * request the plugin refuses alone (null) is refused in its own place and does not shift the others.
     */
    @Test
    void createShipments_answersOneResultPerRequestInOrder() {
        CarrierGateway gateway = plugin();
        int max = gateway.maxShipmentsPerCall();
        if (max < 1) {
            throw new AssertionError("maxShipmentsPerCall() is at least 1, not " + max);
        }
        assumeTrue(!unsupported().contains(CREATE), "createShipment not offered");
        boolean nullRefusedAlone = !plugin().createShipment(null).isOk();
        java.util.ArrayList<ShipmentRequest> requests = new java.util.ArrayList<>();
        requests.add(null);
        requests.add(request("conformance-batch-1"));
        List<Result<ShipmentResponse>> results;
        try {
            results = gateway.createShipments(requests);
        } catch (RuntimeException e) {
            throw new AssertionError("createShipments must not throw: " + e, e);
        }
        if (results == null || results.size() != requests.size() || results.contains(null)) {
            throw new AssertionError("createShipments answers one result per request (" + requests.size()
                    + "), none null: " + results);
        }
        if (nullRefusedAlone && results.get(0).isOk()) {
            throw new AssertionError("the null request is refused in its own place (first): " + results);
        }
    }

    @Test
    void services_areDeclaredWithoutIo_andHaveDistinctCodes() {
        List<CarrierService> services = plugin().services();
        if (services == null) {
            throw new AssertionError("services() answers a list (empty when the plugin declares none), not null");
        }
        Set<String> codes = new HashSet<>();
        for (CarrierService s : services) {
            if (s == null || !codes.add(s.code())) {
                throw new AssertionError("every service is declared once with its own code: " + services);
            }
        }
    }

    @Test
    void repeatedCreateWithTheSameKey_createsOneShipment() {
        assumeTrue(!unsupported().contains(CREATE), "createShipment not offered");
        boolean checks = stubRememberingProvider();
        CarrierGateway gateway = plugin();
        assumeTrue(checks || gateway.honoursIdempotencyKey(),
                "the plugin does not honour idempotency keys: the core never repeats its creates");
        ShipmentRequest request = request("conformance-idem-1");
        Result<?> first = invoke(gateway, new Call<>(CREATE, g -> g.createShipment(request)), "first");
        Result<?> again = invoke(plugin(), new Call<>(CREATE, g -> g.createShipment(request)), "repeated");
        if (!first.isOk() || !again.isOk()) {
            throw new AssertionError("both creates succeed: " + first + " / " + again);
        }
        ShipmentResponse a = (ShipmentResponse) first.value();
        ShipmentResponse b = (ShipmentResponse) again.value();
        if (!Objects.equals(a.carrierShipmentId(), b.carrierShipmentId())
                || !Objects.equals(a.trackingNumber(), b.trackingNumber())) {
            throw new AssertionError("the repeat answers the same shipment: " + a + " / " + b);
        }
        int created = createdAtProvider();
        if (created >= 0 && created != 1) {
            throw new AssertionError("the provider created " + created + " shipments for one key");
        }
    }
}
