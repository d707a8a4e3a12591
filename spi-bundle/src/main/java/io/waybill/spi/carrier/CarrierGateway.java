package io.waybill.spi.carrier;

import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;

import java.util.List;

/**
 * A logistics provider. Each operation has a default that answers "unsupported", so a carrier overrides only
 * what it can do and new operations never break old plugins. Implementations never throw: failures come back as
 * a {@link Result} with ERROR messages. Implementations start no threads; the core owns scheduling and retries (the
 * one exception: a plugin whose {@link #services()} come from its provider refreshes them on a thread of the plugin
 * kit's {@code RefreshingValue}, so that {@code services()} itself never does I/O).
 */
public interface CarrierGateway {

    /** Identity of this carrier plugin. Its {@code id} must not change while the component is active. */
    PluginDescriptor descriptor();

    /**
     * Whether {@link #createShipment} called again with the same idempotency key is guaranteed not to create a
     * second shipment (the carrier deduplicates, or the plugin looks the key up first). Only then does the core
     * retry an upload whose outcome is unknown (timeout, restart mid-call); otherwise it stops and asks the
     * operator. Since 1.1.
     */
    default boolean honoursIdempotencyKey() {
        return false;
    }

    /**
     * The services this carrier offers and the parcels each takes (destinations, weight, declared value, dangerous
     * goods, customs data, currencies, declaration lines). The core checks a package against the chosen service
     * ({@link CarrierService#check}) before it assigns or uploads it, and skips a service that cannot take it.
     * Pure and cheap: no I/O (a plugin builds the list from its configuration). The default, an empty list, means
     * "not declared": the core then checks nothing. Since 1.2.
     */
    default List<CarrierService> services() {
        return List.of();
    }

    /**
     * Creates a shipment. Returns a tracking number now, or a {@link ShipmentResponse} in state
     * {@link ShipmentResponse.State#PENDING} when the carrier assigns numbers later.
     * The request's {@code idempotencyKey} is stable per package: sending it twice must not create two shipments
     * where the carrier supports idempotency keys.
     */
    default Result<ShipmentResponse> createShipment(ShipmentRequest request) {
        return Result.unsupported("createShipment");
    }

    /**
     * Creates several shipments, in as few calls to the carrier as it allows. Answers one result per request, in
     * the order given (the list has the same size as {@code requests}): each is what {@link #createShipment} would
     * have answered for that request alone, so one refused package never fails the others. The core sends at most
     * {@link #maxShipmentsPerCall()} requests, each with its own idempotency key, and records every result on its
     * own. The default calls {@link #createShipment} once per request. Since 1.3.
     */
    default List<Result<ShipmentResponse>> createShipments(List<ShipmentRequest> requests) {
        List<Result<ShipmentResponse>> results = new java.util.ArrayList<>(requests.size());
        for (ShipmentRequest r : requests) {
            results.add(createShipment(r));
        }
        return results;
    }

    /**
     * How many requests the core may hand to one {@link #createShipments} call (the carrier's multi-order limit).
     * Pure and cheap. The default, 1, keeps the core on one {@link #createShipment} call per package. Since 1.3.
     */
    default int maxShipmentsPerCall() {
        return 1;
    }

    /** Asks for the tracking number of a shipment that was pending. */
    default Result<ShipmentResponse> fetchTrackingNumber(ShipmentRef shipment) {
        return Result.unsupported("fetchTrackingNumber");
    }

    /**
     * Returns the carrier's own label for a shipment, if it provides one. The core calls this once a package is
     * tracked (the ref carries the shipment id and tracking number), stores the label and prints it instead of
     * Waybill's generated one: PDF pages go into the merged label PDF, ZPL goes raw to a label printer. Answer
     * {@code unsupported} (the default) when the carrier supplies no labels; {@code label_not_ready},
     * {@code rate_limited} and {@code transient} failures are retried by the core, other failures are recorded in
     * the package's history and the generated label is printed.
     */
    default Result<LabelDocument> fetchLabel(ShipmentRef shipment) {
        return Result.unsupported("fetchLabel");
    }

    /**
     * The carrier's price estimates for a parcel (destination, weight, dangerous goods), one per service it offers for
     * it; nothing is created at the carrier. A price look-up, so it may do I/O; failures come back as messages like
     * the other operations' ({@code auth_failed}, {@code rate_limited}, {@code transient}, {@code rejected}). The
     * default answers {@code unsupported}: the carrier publishes no price look-up. Since 1.4.
     */
    default Result<List<CarrierQuote>> quote(CarrierService.Parcel parcel) {
        return Result.unsupported("quote");
    }

    /** Cancels (voids) a shipment at the carrier. */
    default Result<Boolean> cancelShipment(ShipmentRef shipment) {
        return Result.unsupported("cancelShipment");
    }
}
