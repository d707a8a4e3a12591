package io.waybill.core.model;

import java.util.List;

/**
 * The result of checking an order file before anything is written.
 *
 * @param previewId   handle to confirm or discard the import
 * @param fileName    file name as uploaded
 * @param storeCode   store the orders will belong to
 * @param dataRows    data rows in the file
 * @param validOrders orders that pass every check and will be imported on confirmation
 * @param duplicates  valid orders already captured earlier (confirmation updates them, never duplicates)
 * @param errors      one entry per problem, by row and column
 * @param held        lines whose SKU is neither a product nor an alias of the store: their orders are imported but
 *                    held in SKU_UNMATCHED until the SKU is mapped (not problems; since model 1.5)
 */
public record ImportPreview(String previewId, String fileName, String storeCode, int dataRows, int validOrders,
                            int duplicates, List<RowError> errors, List<RowError> held) {
    public ImportPreview {
        errors = List.copyOf(errors);
        held = held == null ? List.of() : List.copyOf(held);
    }

    /** A preview without held lines (the 1.0 shape). */
    public ImportPreview(String previewId, String fileName, String storeCode, int dataRows, int validOrders,
                         int duplicates, List<RowError> errors) {
        this(previewId, fileName, storeCode, dataRows, validOrders, duplicates, errors, List.of());
    }
}
