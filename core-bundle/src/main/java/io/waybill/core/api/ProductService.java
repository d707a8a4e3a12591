package io.waybill.core.api;

import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.CatalogueImportPreview;
import io.waybill.core.model.Product;
import io.waybill.core.model.ProductPage;
import io.waybill.core.model.RowError;
import io.waybill.core.model.SkuAlias;

import java.util.List;
import java.util.Optional;

/**
 * The product master (SKU catalogue): products with barcodes, dimensions and customs data, its file import and
 * export (CSV and XLSX, English or Chinese headers), and per-store marketplace SKU aliases. Every field is checked by
 * one validator, the same for the form, the shell and file imports. Changes need {@link Permission#EDIT_CATALOGUE}.
 */
public interface ProductService {

    /**
     * One page of products ordered by SKU.
     *
     * @param filter SKU prefix or part of a name or barcode, case-insensitive (null or blank = all)
     * @param offset rows to skip
     * @param limit  rows to return (at most 1,000)
     */
    ProductPage list(String filter, int offset, int limit);

    /** The product with this SKU, if any. */
    Optional<Product> find(String sku);

    /** Problems of a product as it would be saved (empty = valid); the column is the field's file header key. */
    List<RowError> check(Product product, boolean existing);

    /**
     * Adds a product.
     *
     * @throws OperationRefusedException {@code invalid_product} with every problem ("weight_g: must be a positive
     *         number of grams"), {@code duplicate_sku}, {@code duplicate_barcode}, {@code not_permitted}
     */
    Product create(Product product, String actor);

    /**
     * Replaces the stored product with the same SKU (barcodes included).
     *
     * @throws OperationRefusedException {@code invalid_product}, {@code unknown_sku}, {@code duplicate_barcode},
     *         {@code not_permitted}
     */
    Product update(Product product, String actor);

    /**
     * Parses and checks a catalogue file (.csv or .xlsx) without writing anything: every row and field, duplicate
     * SKUs and barcodes within the file and against stored products.
     *
     * @param updateExisting false: a SKU already in the catalogue is a problem; true: its row replaces the stored
     *                       product
     * @throws OperationRefusedException {@code not_permitted}, {@code empty_file}, {@code file_too_large},
     *         {@code unreadable_file} (not CSV/XLSX, bad encoding, missing required columns)
     */
    CatalogueImportPreview previewImport(String fileName, byte[] content, boolean updateExisting, String actor);

    /**
     * Writes a clean preview in ONE transaction, after checking it again against the catalogue as it is now; any
     * problem refuses the whole import and nothing is written.
     *
     * @return the number of products written (created + updated)
     * @throws OperationRefusedException {@code unknown_preview}, {@code import_conflict}, {@code not_permitted}
     */
    int confirmImport(String previewId, String actor);

    /** Forgets a preview. */
    void discardImport(String previewId);

    /** The whole catalogue as a file, headers in English or Chinese ({@code zh}); importable as is. */
    byte[] exportCatalogue(CatalogueFormat format, boolean chineseHeaders);

    /** Stock per warehouse and SKU (on hand, reserved, available) as a file. */
    byte[] exportStock(CatalogueFormat format, boolean chineseHeaders);

    /** An empty import file with the header row and one example row. */
    byte[] template(CatalogueFormat format, boolean chineseHeaders);

    /** Aliases of one store (null = every store), by store and platform SKU. */
    List<SkuAlias> aliases(String storeCode);

    /**
     * Maps a store's platform SKU to a Waybill SKU (replacing an earlier mapping of the same platform SKU). In the same
     * transaction the store's packages held in {@code SKU_UNMATCHED} for this platform SKU re-validate: their lines of
     * it now stand for the SKU, and a package whose lines all match joins Waiting for Delivery (audited
     * {@code SKU_MATCHED}); the result's {@code released} / {@code stillHeld} name them. Later captures of the store
     * use the mapping.
     *
     * @throws OperationRefusedException {@code unknown_store}, {@code unknown_sku}, {@code invalid_alias},
     *         {@code not_permitted}
     */
    SkuAlias setAlias(String storeCode, String platformSku, String sku, String actor);

    /**
     * Removes a mapping; false when there was none.
     *
     * @throws OperationRefusedException {@code unknown_store}, {@code not_permitted}
     */
    boolean removeAlias(String storeCode, String platformSku, String actor);
}
