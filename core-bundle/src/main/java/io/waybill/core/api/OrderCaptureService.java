package io.waybill.core.api;

import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.OrderCheck;
import io.waybill.spi.common.Address;
import io.waybill.spi.platform.PlatformOrder;

import java.util.List;

/**
 * How orders enter Waybill: from marketplace connectors (scheduled or "capture now"), from order files, and from
 * the manual order form. Capture is idempotent per (store, platform order id): capturing the same order again
 * updates it (or flags a platform-side cancellation), never duplicates it. Each new order gets one package in
 * WAITING.
 */
public interface OrderCaptureService {

    /** Validates and saves orders for a store. Invalid orders are rejected with reasons; valid ones are saved. */
    CaptureResult capture(String storeCode, List<PlatformOrder> orders, String actor);

    /**
     * Fetches new and changed orders from the store's marketplace connector, page by page from the stored cursor,
     * and saves them; the cursor is stored only after a page is saved.
     *
     * @throws OperationRefusedException unknown store, or no connector registered for its platform
     */
    CaptureResult captureNow(String storeCode, String actor);

    /**
     * Parses and checks an order file (CSV/Excel export) without writing anything.
     *
     * @throws OperationRefusedException unknown store, or no plugin can read this kind of file
     */
    ImportPreview previewImport(String storeCode, String fileName, byte[] content);

    /**
     * Imports the valid orders of a preview in ONE transaction (all or nothing) and forgets the preview.
     *
     * @throws OperationRefusedException unknown or expired preview
     */
    CaptureResult confirmImport(String previewId, String actor);

    /**
     * Corrects the ship-to address of a package's order (an operator's edit, e.g. after a carrier refused the
     * address, or of a package held for review), with the same checks as capture. Allowed before upload (waiting,
     * out of stock, SKU not matched, held, allocated, upload failed: the lifecycle's one rule) while no carrier job
     * of the package is queued or running; audited as {@code ADDRESS_CHANGED} with the structured reason
     * {@code address_corrected} naming the changed fields (not their values). The package's next upload sends the
     * new address. An unchanged address writes nothing; a refusal writes nothing.
     *
     * @throws OperationRefusedException {@code invalid_address} (the reasons per field, e.g.
     *         {@code "postal_code '1234' is not a valid postal code for US"}), {@code unknown_package},
     *         {@code edit_locked} (past upload; since 1.13, before {@code address_locked}), {@code upload_in_progress}
     */
    void updateAddress(long packageId, Address address, String actor);

    /**
     * Checks an order as {@link #capture} would, without saving anything, for a form that shows the problems beside
     * its fields: the capture rules (required fields, address per destination, e-mail and phone format, lengths,
     * printable label text, the parcel weight limit) and, unlike capture, SKUs that are neither in the catalogue nor
     * mapped for the store. Since 1.9.
     *
     * @return problems; empty when {@link #capture} would accept the order with every line matched
     * @throws OperationRefusedException unknown store
     */
    List<OrderCheck.Problem> check(String storeCode, PlatformOrder order);

    /** What an address in a destination (ISO 3166 code) needs, for a form to mark it. Since 1.9. */
    OrderCheck.AddressRules addressRules(String countryCode);

    /** Forgets a preview without importing. */
    void discardImport(String previewId);
}
