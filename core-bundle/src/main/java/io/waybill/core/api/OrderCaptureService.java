package io.waybill.core.api;

import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
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

    /** Forgets a preview without importing. */
    void discardImport(String previewId);
}
