package io.waybill.carrier.pool.internal;

import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.SerialNumberStore;
import io.waybill.spi.carrier.ShipmentRequest;
import io.waybill.spi.carrier.ShipmentResponse;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The offline "tracking-number pool" carrier: creating a shipment takes the next UPU S10 number from the ranges a
 * postal operator issued to the seller. Nothing is sent anywhere; the label is Waybill's own.
 * <p>
 * Numbers come from the core's durable {@link SerialNumberStore} (the Waybill database): each is handed out exactly
 * once, across threads and restarts, and the same idempotency key always gets the same number, so the core may
 * safely retry an upload. Only without that service (plain unit tests) does it fall back to the in-memory
 * {@link TrackingNumberPool}, and then every result carries a {@value #NOT_DURABLE} warning.
 */
@Component(service = CarrierGateway.class, configurationPid = PoolCarrierGateway.PID)
@Designate(ocd = PoolConfig.class)
public class PoolCarrierGateway implements CarrierGateway {

    static final String PID = "io.waybill.carrier.pool";
    static final String ID = "pool";
    static final String DEFAULT_DISPLAY_NAME = "Tracking-number pool (UPU S10)";
    static final String DESCRIPTION = "Hands out UPU S10 tracking numbers from ranges issued by a postal operator,"
            + " offline; numbers are kept in the Waybill database and never handed out twice.";

    /** No range is configured (at all, or for the requested service indicator). */
    static final String NO_RANGE = "no_range";
    /** Every matching range is used up. */
    static final String EXHAUSTED = "pool_exhausted";
    /** The {@code ranges} setting cannot be parsed; nothing is handed out until it is fixed. */
    static final String BAD_CONFIG = MessageCodes.BAD_CONFIG;
    /** The request's service code is not a two-letter S10 service indicator. */
    static final String BAD_SERVICE = "bad_service";
    /** The request is missing. */
    static final String BAD_REQUEST = MessageCodes.BAD_REQUEST;
    /** Warning: fewer numbers left than the low-water threshold. */
    static final String POOL_LOW = "pool_low";
    /** Warning: the number was handed out from memory and would be handed out again after a restart. */
    static final String NOT_DURABLE = "pool_not_durable";
    /** Something unexpected failed inside the plugin. */
    static final String INTERNAL = MessageCodes.INTERNAL_ERROR;

    /** Current settings and pool, replaced as a whole on every settings change. */
    private record State(PluginDescriptor descriptor, TrackingNumberPool pool, int lowWaterThreshold,
                         String configError) {
    }

    private volatile State state = new State(descriptor(DEFAULT_DISPLAY_NAME), new TrackingNumberPool(List.of()),
            0, null);

    /** The core's durable serial store; set by DS (mandatory in the container). */
    @Reference
    volatile SerialNumberStore store;

    /** In-memory mode only: numbers already handed out per idempotency key. */
    private final ConcurrentMap<String, S10Number> issuedByKey = new ConcurrentHashMap<>();

    @Activate
    @Modified
    void configure(PoolConfig config) {
        String displayName = config.displayName() == null || config.displayName().isBlank()
                ? DEFAULT_DISPLAY_NAME : config.displayName().trim();
        TrackingNumberPool previous = state.pool;
        List<SerialRange> ranges;
        String error = null;
        try {
            ranges = SerialRange.parseAll(config.ranges());
        } catch (RuntimeException e) {
            // activation must not fail: the component stays up and tells the operator through each result
            ranges = List.of();
            error = e.getMessage();
        }
        state = new State(descriptor(displayName), previous.withRanges(ranges),
                Math.max(0, config.lowWaterThreshold()), error);
    }

    @Override
    public PluginDescriptor descriptor() {
        return state.descriptor;
    }

    /**
     * One service per service indicator of the configured ranges (in configured order), e.g. {@code RR}
     * "Registered letter-post (RR)": the codes a shipping method or a rule can name. The pool knows no limits of the
     * postal operator (weights, values, dangerous goods are the operator's rules): the services declare none, and
     * the core checks only the customs declaration itself. The declaration is not sent anywhere (the pool talks to
     * nobody): Waybill prints it on the CN22/CN23 of the label batch. Since SPI carrier 1.2.
     */
    @Override
    public List<CarrierService> services() {
        java.util.LinkedHashSet<String> indicators = new java.util.LinkedHashSet<>();
        for (SerialRange r : state.pool.ranges()) {
            indicators.add(r.serviceIndicator());
        }
        List<CarrierService> out = new java.util.ArrayList<>();
        for (String indicator : indicators) {
            out.add(new CarrierService(indicator, serviceName(indicator), java.util.Set.of(), null, null, null,
                    java.util.EnumSet.allOf(CarrierService.DangerousGoods.class), false, java.util.Set.of(), null));
        }
        return out;
    }

    /** The UPU product an S10 service indicator's first letter stands for (UPU S10 annex). */
    static String serviceName(String indicator) {
        String product = switch (indicator.charAt(0)) {
            case 'R' -> "Registered letter-post";
            case 'L' -> "Letter-post, tracked";
            case 'U' -> "Letter-post, untracked";
            case 'V' -> "Insured letter-post";
            case 'E' -> "EMS";
            case 'C' -> "Parcel post";
            default -> "S10";
        };
        return product + " (" + indicator + ")";
    }

    /** With the durable store the same key always gets the same number, so repeating an upload is safe. */
    @Override
    public boolean honoursIdempotencyKey() {
        return store != null;
    }

    /**
     * Takes the next number from the configured ranges. A two-letter {@code serviceCode} (e.g. {@code RR}) limits
     * the choice to ranges with that service indicator; an empty one takes from any range, in configured order.
     * The same idempotency key gets the same number again.
     */
    @Override
    public Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return failSafe(() -> allocate(request));
    }

    /**
     * Voiding a pool shipment needs nobody's consent: nothing was sent to a carrier. The number is retired (never
     * handed out again, the durable store keeps it taken) and the void goes ahead.
     */
    @Override
    public Result<Boolean> cancelShipment(io.waybill.spi.carrier.ShipmentRef shipment) {
        String number = shipment == null ? null
                : shipment.trackingNumber() != null ? shipment.trackingNumber() : shipment.carrierShipmentId();
        return Result.ok(true, List.of(Message.warning("number_retired", "Tracking number " + number
                + " is retired and will not be issued again.")));
    }

    /** Runs an operation so that no exception crosses the SPI: a stray one becomes an {@value #INTERNAL} error. */
    static <T> Result<T> failSafe(Supplier<Result<T>> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            return Result.failure(Message.error(INTERNAL,
                    "Tracking-number pool failed unexpectedly: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
    }

    private Result<ShipmentResponse> allocate(ShipmentRequest request) {
        State s = state;
        if (s.configError != null) {
            return Result.failure(Message.error(BAD_CONFIG, "The tracking-number pool's ranges setting is invalid, "
                    + "so no number is handed out: " + s.configError));
        }
        if (request == null) {
            return Result.failure(Message.error(BAD_REQUEST, "No shipment request given."));
        }
        if (s.pool.isEmpty()) {
            return Result.failure(Message.error(NO_RANGE, "No tracking-number range is configured. Enter the "
                    + "ranges your postal operator issued (e.g. RR10000000-10009999CN) in the 'ranges' setting of "
                    + PID + "."));
        }
        String serviceIndicator;
        String code = request.serviceCode() == null ? "" : request.serviceCode().trim();
        if (code.isEmpty()) {
            serviceIndicator = null;
        } else {
            serviceIndicator = code.toUpperCase(Locale.ROOT);
            if (!S10.isServiceIndicator(serviceIndicator)) {
                return Result.failure(Message.error(BAD_SERVICE, "Service code '" + code + "' is not a UPU S10 "
                        + "service indicator: use two letters such as RR, or leave it empty to use any range."));
            }
            if (!s.pool.hasRangeFor(serviceIndicator)) {
                return Result.failure(Message.error(NO_RANGE, "No tracking-number range is configured for "
                        + "service indicator " + serviceIndicator + "; configured: " + s.pool.ranges() + "."));
            }
        }

        SerialNumberStore durable = store;
        if (durable != null) {
            return fromStore(durable, s, serviceIndicator, request.idempotencyKey());
        }
        String key = request.idempotencyKey();

        S10Number number = key == null || key.isBlank()
                ? s.pool.take(serviceIndicator).orElse(null)
                : issuedByKey.computeIfAbsent(key, k -> s.pool.take(serviceIndicator).orElse(null));
        if (number == null) {
            return Result.failure(Message.error(EXHAUSTED, "All tracking numbers "
                    + (serviceIndicator == null ? "" : "for service indicator " + serviceIndicator + " ")
                    + "are used up (ranges " + s.pool.ranges() + "). Ask the postal operator for a new range "
                    + "and add it to the 'ranges' setting."));
        }

        String trackingNumber = number.toString();
        List<Message> messages = new ArrayList<>(2);
        long left = s.pool.remaining(number.serviceIndicator());
        if (left < s.lowWaterThreshold) {
            messages.add(Message.warning(POOL_LOW, "Only " + left + " tracking numbers are left for service "
                    + "indicator " + number.serviceIndicator() + ". Ask the postal operator for a new range."));
        }
        messages.add(Message.warning(NOT_DURABLE, trackingNumber + " was handed out from memory: after a "
                + "restart the pool starts each range again at its first number, so move the start of its range "
                + "past " + trackingNumber + " before restarting."));
        return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, trackingNumber, trackingNumber),
                messages);
    }

    private Result<ShipmentResponse> fromStore(SerialNumberStore durable, State s, String serviceIndicator,
                                               String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank()
                ? "pool-" + java.util.UUID.randomUUID() : idempotencyKey;
        for (SerialRange range : s.pool.ranges()) {
            if (serviceIndicator != null && !range.serviceIndicator().equals(serviceIndicator)) {
                continue;
            }
            Result<SerialNumberStore.IssuedSerial> taken = durable.take(rangeId(range), range.first(), range.last(),
                    key);
            if (!taken.isOk()) {
                if (taken.messages().stream().anyMatch(m -> m.code().equals("range_exhausted"))) {
                    continue;
                }
                return Result.failure(taken.messages().toArray(Message[]::new));
            }
            SerialRange issuedRange = s.pool.ranges().stream()
                    .filter(r -> rangeId(r).equals(taken.value().rangeId())).findFirst().orElse(range);
            String trackingNumber = issuedRange.number((int) taken.value().serial()).toString();
            List<Message> messages = new ArrayList<>(1);
            long left = s.pool.ranges().stream().filter(r -> r.serviceIndicator().equals(issuedRange.serviceIndicator()))
                    .mapToLong(r -> durable.remaining(rangeId(r), r.first(), r.last())).sum();
            if (left < s.lowWaterThreshold) {
                messages.add(Message.warning(POOL_LOW, "Only " + left + " tracking numbers are left for service "
                        + "indicator " + issuedRange.serviceIndicator() + ". Ask the postal operator for a new range."));
            }
            return Result.ok(new ShipmentResponse(ShipmentResponse.State.TRACKED, trackingNumber, trackingNumber),
                    messages);
        }
        return Result.failure(Message.error(EXHAUSTED, "All tracking numbers "
                + (serviceIndicator == null ? "" : "for service indicator " + serviceIndicator + " ")
                + "are used up (ranges " + s.pool.ranges() + "). Ask the postal operator for a new range "
                + "and add it to the 'ranges' setting."));
    }

    /** Stable id of a range in the durable store, in the configuration's own notation. */
    static String rangeId(SerialRange r) {
        return String.format("%s%08d-%08d%s", r.serviceIndicator(), r.first(), r.last(), r.countryCode());
    }

    private static PluginDescriptor descriptor(String displayName) {
        return new PluginDescriptor(ID, Objects.requireNonNull(displayName), DESCRIPTION);
    }
}
