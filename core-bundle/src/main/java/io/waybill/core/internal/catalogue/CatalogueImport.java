package io.waybill.core.internal.catalogue;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.Reason;
import io.waybill.core.model.Product;
import io.waybill.core.model.ProductComponent;
import io.waybill.core.model.RowError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the rows of a catalogue file against the product rules and the stored catalogue, without writing: column
 * headers (English or Chinese), every field ({@link ProductValidator}), SKUs and barcodes repeated in the file, and
 * SKUs and barcodes already stored. Rows are numbered like the order-file import: 1 is the first row under the header.
 */
public final class CatalogueImport {

    /**
     * What the stored catalogue holds, as far as an import can clash with it: SKUs, barcode owners, the components
     * of stored bundles, and the SKUs that hold stock (with a short "10 on hand in W1" description).
     */
    public record Stored(Set<String> skus, Map<String, String> barcodeOwners,
                         Map<String, List<ProductComponent>> components, Map<String, String> stocked) {
        public Stored(Set<String> skus, Map<String, String> barcodeOwners) {
            this(skus, barcodeOwners, Map.of(), Map.of());
        }
    }

    /** The checked file: its products in file order, how many are new, and every problem. */
    public record Checked(int dataRows, List<Product> products, int created, int updated, List<RowError> errors) {
    }

    private CatalogueImport() {
    }

    /**
     * Checks a file's rows (header first).
     *
     * @throws OperationRefusedException {@code unreadable_file} when there is no header row or a required column
     *         is missing
     */
    public static Checked check(List<List<String>> rows, Stored stored, boolean updateExisting) {
        if (rows.isEmpty()) {
            throw new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    Reason.of(Reason.FILE_NO_HEADER)));
        }
        List<RowError> errors = new ArrayList<>();
        List<String> header = rows.get(0);
        Map<Integer, ProductColumn> columns = new HashMap<>();
        Map<ProductColumn, Integer> seen = new EnumMap<>(ProductColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.isEmpty()) {
                continue;
            }
            ProductColumn c = ProductColumn.ofHeader(h);
            if (c == null) {
                errors.add(new RowError(0, h, Reason.of(Reason.CATALOGUE_NOT_A_COLUMN, keys(false), keys(true))));
            } else if (seen.containsKey(c)) {
                errors.add(new RowError(0, h, Reason.of(Reason.CATALOGUE_HEADER_TWICE)));
            } else {
                seen.put(c, i);
                columns.put(i, c);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ProductColumn c : ProductColumn.values()) {
            if (c.required() && !seen.containsKey(c)) {
                missing.add(c.key() + " / " + c.zh());
            }
        }
        if (!missing.isEmpty()) {
            throw new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    Reason.of(Reason.FILE_MISSING_COLUMNS, String.join(", ", missing))));
        }
        Map<String, String> storedUpper = new HashMap<>();
        stored.skus().forEach(s -> storedUpper.putIfAbsent(s.toUpperCase(Locale.ROOT), s));
        List<Product> products = new ArrayList<>();
        Map<String, Integer> skuRow = new HashMap<>();
        Map<String, Integer> barcodeRow = new HashMap<>();
        Map<Integer, Product> byRow = new java.util.LinkedHashMap<>();
        int dataRows = 0;
        int created = 0;
        int updated = 0;
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isEmpty)) {
                continue;
            }
            dataRows++;
            Map<ProductColumn, String> text = new EnumMap<>(ProductColumn.class);
            for (Map.Entry<Integer, ProductColumn> e : columns.entrySet()) {
                text.put(e.getValue(), e.getKey() < row.size() ? row.get(e.getKey()) : "");
            }
            for (int i = header.size(); i < row.size(); i++) {
                if (!row.get(i).isEmpty()) {
                    errors.add(new RowError(r, "column " + (i + 1), Reason.of(Reason.CATALOGUE_NO_HEADER)));
                    break;
                }
            }
            ProductValidator.Parsed parsed = ProductValidator.parse(text);
            for (ProductValidator.Problem p : parsed.problems()) {
                errors.add(p.row(r));
            }
            Product p = parsed.product();
            if (p.sku() != null) {
                String key = p.sku().toUpperCase(Locale.ROOT);
                Integer first = skuRow.putIfAbsent(key, r);
                if (first != null) {
                    errors.add(new RowError(r, "sku", Reason.of(Reason.CATALOGUE_ALSO_IN_ROW, p.sku(), first)));
                } else if (stored.skus().contains(p.sku())) {
                    if (updateExisting) {
                        updated++;
                    } else {
                        errors.add(new RowError(r, "sku", Reason.of(Reason.CATALOGUE_SKU_EXISTS, p.sku())));
                    }
                } else if (storedUpper.containsKey(key)) {
                    // codes are case-sensitive in the database, but two differing only in case confuse people
                    errors.add(new RowError(r, "sku", Reason.of(Reason.CATALOGUE_SKU_CASE, p.sku(), storedUpper.get(key))));
                } else {
                    created++;
                }
            }
            for (String b : p.barcodes()) {
                Integer first = barcodeRow.putIfAbsent(b, r);
                if (first != null && first != r) {
                    errors.add(new RowError(r, "barcodes", Reason.of(Reason.CATALOGUE_ALSO_IN_ROW, b, first)));
                    continue;
                }
                String owner = stored.barcodeOwners().get(b);
                if (owner != null && !owner.equals(p.sku())) {
                    errors.add(new RowError(r, "barcodes", Reason.of(Reason.CATALOGUE_BARCODE_OWNED, b, owner)));
                }
            }
            products.add(p);
            byRow.put(r, p);
        }
        // bundles: components must exist and no bundle may contain itself, with the file's rows replacing the
        // stored products they name
        Map<String, List<ProductComponent>> inFile = new HashMap<>();
        byRow.values().forEach(p -> {
            if (p.sku() != null) {
                inFile.putIfAbsent(p.sku(), p.components());
            }
        });
        java.util.function.Function<String, List<ProductComponent>> catalogue = sku -> {
            List<ProductComponent> c = inFile.get(sku);
            if (c != null) {
                return c;
            }
            return stored.skus().contains(sku) ? stored.components().getOrDefault(sku, List.of()) : null;
        };
        for (Map.Entry<Integer, Product> e : byRow.entrySet()) {
            if (e.getValue().sku() != null) {
                for (ProductValidator.Problem pr : ProductValidator.bundleProblems(e.getValue(), catalogue,
                        stored.stocked()::get)) {
                    errors.add(pr.row(e.getKey()));
                }
            }
        }
        if (dataRows == 0) {
            errors.add(new RowError(0, "file", Reason.of(Reason.CATALOGUE_NO_ROWS)));
        }
        errors.sort(Comparator.comparingInt(RowError::row));
        return new Checked(dataRows, products, created, updated, errors);
    }

    private static String keys(boolean chinese) {
        return java.util.Arrays.stream(ProductColumn.values()).map(c -> c.header(chinese))
                .collect(Collectors.joining(", "));
    }
}
