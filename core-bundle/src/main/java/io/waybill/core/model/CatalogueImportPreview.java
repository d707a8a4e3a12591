package io.waybill.core.model;

import java.util.List;

/**
 * The result of checking a catalogue file before anything is written. A file with any problem cannot be confirmed:
 * catalogue imports are all or nothing.
 *
 * @param previewId   handle to confirm or discard the import (null when there are problems)
 * @param fileName    file name as uploaded
 * @param dataRows    data rows in the file (the header row is not counted)
 * @param newProducts products the import would create
 * @param updated     existing products the import would change (only when updating was asked for)
 * @param errors      one entry per problem: data row (1 = first row under the header), column, reason
 */
public record CatalogueImportPreview(String previewId, String fileName, int dataRows, int newProducts, int updated,
                                     List<RowError> errors) {
    public CatalogueImportPreview {
        errors = List.copyOf(errors);
    }

    /** Whether the import can be confirmed. */
    public boolean acceptable() {
        return errors.isEmpty() && previewId != null;
    }
}
