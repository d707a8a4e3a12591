package io.waybill.core.api;

import io.waybill.core.model.StockRow;
import io.waybill.core.model.Warehouse;

import java.util.List;
import java.util.Optional;

/**
 * Warehouse master data: create, edit, disable/enable and delete warehouses, and set a SKU's bin location in one.
 * Every change is checked against {@link Permission} first, validated with {@link WarehouseValidator}, written in
 * one transaction and audited. A refusal is an {@link OperationRefusedException} whose message the operator can
 * read; nothing is written then.
 */
public interface WarehouseService {

    /** Refusal code: the warehouse data break a {@link WarehouseValidator} rule (the message lists them). */
    String INVALID = "invalid_warehouse";
    /** Refusal code: a warehouse with this code exists. */
    String DUPLICATE = "duplicate_warehouse";
    /** Refusal code: no warehouse has this code. */
    String UNKNOWN = "unknown_warehouse";
    /** Refusal code: the warehouse holds stock or has packages, so it can only be disabled. */
    String IN_USE = "warehouse_in_use";
    /** Refusal code: a bin location that is too long or has characters other than letters, digits, - _ . / space. */
    String INVALID_LOCATION = "invalid_location";

    /** All warehouses, enabled and disabled, sorted by code. */
    List<Warehouse> list();

    /** The warehouse with this code (exact, case-insensitive), or empty. */
    Optional<Warehouse> get(String code);

    /**
     * Adds a warehouse (enabled). The data are normalised ({@link WarehouseValidator#normalise}) first.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #INVALID}, {@link #DUPLICATE}
     */
    Warehouse create(Warehouse warehouse, String actor);

    /**
     * Replaces the data of the warehouse with the same code (the code itself cannot change; the enabled flag is
     * kept).
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #INVALID}, {@link #UNKNOWN}
     */
    Warehouse update(Warehouse warehouse, String actor);

    /**
     * Enables or disables a warehouse. A disabled one keeps its stock, packages and history but gets no new
     * allocations.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}
     */
    Warehouse setEnabled(String code, boolean enabled, String actor);

    /**
     * Deletes a warehouse that never held stock and never had a package (its empty stock rows and store priorities
     * go with it).
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}, {@link #IN_USE} with the
     *                                   quantity on hand and the number of open packages, saying to disable it instead
     */
    void delete(String code, String actor);

    /**
     * Sets (or, with null or blank, clears) the bin location of a SKU in a warehouse; creates the stock row (0 on
     * hand) when the SKU was never stocked there.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}, unknown_sku,
     *                                   {@link #INVALID_LOCATION}
     */
    StockRow setLocation(String warehouseCode, String skuCode, String location, String actor);
}
