package io.waybill.core.internal.catalogue;

import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.ProductService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.capture.HeldOrders;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.model.Reason;
import io.waybill.core.model.CatalogueFormat;
import io.waybill.core.model.CatalogueImportPreview;
import io.waybill.core.model.Product;
import io.waybill.core.model.ProductComponent;
import io.waybill.core.model.ProductPage;
import io.waybill.core.model.RowError;
import io.waybill.core.model.SkuAlias;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The product master on plain JDBC: products and their barcodes in {@code WB_SKU} / {@code WB_SKU_BARCODE}, aliases
 * in {@code WB_SKU_ALIAS}. File imports are two-step like order files (preview, then confirm) and a confirmed import
 * is one transaction written in JDBC batches; a preview with any problem cannot be confirmed.
 */
@Component(service = {ProductService.class, ProductServiceImpl.class})
public class ProductServiceImpl implements ProductService {
    private static final Logger LOG = LoggerFactory.getLogger(ProductServiceImpl.class);
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);
    static final int MAX_FILE_BYTES = 50 * 1024 * 1024;
    private static final int BATCH = 500;
    private static final String COLUMNS = "s.ID, s.CODE, s.NAME, s.NAME_ZH, s.WEIGHT_GRAMS, s.WEIGHT_TOLERANCE_GRAMS, "
            + "s.LENGTH_MM, s.WIDTH_MM, s.HEIGHT_MM, s.DECLARED_VALUE, s.CURRENCY, s.HS_CODE, s.ORIGIN_COUNTRY, "
            + "s.MATERIAL, s.DG_BATTERY, s.DG_LIQUID, s.DG_MAGNET, s.DG_POWDER, s.ENABLED, s.CUSTOMS_NAME_EN, "
            + "s.CUSTOMS_NAME_ZH";
    private static final List<String> STOCK_EN = List.of("warehouse", "sku", "name", "location", "on_hand",
            "reserved", "available");
    private static final List<String> STOCK_ZH = List.of("仓库", "商品编码", "名称", "库位", "在库", "已预留", "可用");

    private record Preview(String fileName, List<Product> products, boolean update, Instant created) {
    }

    private final DataSource ds;
    private final Clock clock;
    private final Map<String, Preview> previews = new ConcurrentHashMap<>();
    private volatile Authorizer authorizer;

    @Activate
    public ProductServiceImpl(@Reference Database db) {
        this(db.dataSource(), Clock.systemUTC());
    }

    public ProductServiceImpl(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public ProductPage list(String filter, int offset, int limit) {
        int lim = Math.max(0, Math.min(limit, 1000));
        int off = Math.max(0, offset);
        String f = filter == null ? "" : filter.strip();
        return Jdbc.inTransaction(ds, c -> {
            String where = "";
            List<String> params = new ArrayList<>();
            if (!f.isEmpty()) {
                String like = f.toUpperCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
                where = " WHERE (UPPER(s.CODE) LIKE ? ESCAPE '!' OR UPPER(s.NAME) LIKE ? ESCAPE '!' "
                        + "OR s.NAME_ZH LIKE ? ESCAPE '!' OR s.ID IN (SELECT b.SKU_ID FROM WB_SKU_BARCODE b "
                        + "WHERE b.BARCODE = ?))";
                params.add(like + "%");
                params.add("%" + like + "%");
                params.add("%" + f.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
                params.add(f);
            }
            // filtered: a table scan and a sort of the matches; walking the SKU index instead fetches every row
            // by its index entry in SKU order, 3-4 times slower with 100,000 products (a Derby optimizer override;
            // the rest of the line is an SQL comment to PostgreSQL, which plans this itself)
            String from = f.isEmpty() ? " FROM WB_SKU s" : " FROM WB_SKU s --DERBY-PROPERTIES index=null\n";
            List<Product> page = lim == 0 ? List.of() : query(c, "SELECT " + COLUMNS + from + where
                    + " ORDER BY s.CODE OFFSET " + off + " ROWS FETCH NEXT " + lim + " ROWS ONLY", params);
            if (lim > 0 && page.size() < lim && (!page.isEmpty() || off == 0)) {
                // a short page is the end of the list: the total is known without counting (a filter that few
                // products match would otherwise scan the whole catalogue a second time)
                return new ProductPage(page, off + page.size());
            }
            int total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_SKU s" + where)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            return new ProductPage(page, total);
        });
    }

    @Override
    public Optional<Product> find(String sku) {
        if (sku == null || sku.isBlank()) {
            return Optional.empty();
        }
        return Jdbc.inTransaction(ds, c -> query(c, "SELECT " + COLUMNS + " FROM WB_SKU s WHERE s.CODE = ?",
                List.of(sku.strip()))).stream().findFirst();
    }

    @Override
    public List<RowError> check(Product product, boolean existing) {
        Product p = ProductValidator.normalise(product);
        List<RowError> out = new ArrayList<>();
        ProductValidator.validate(p).forEach(pr -> out.add(pr.row(0)));
        if (!out.isEmpty()) {
            return out;
        }
        CatalogueImport.Stored stored = Jdbc.inTransaction(ds, ProductServiceImpl::stored);
        CatalogueImport.check(rowsOf(List.of(p)), stored, existing).errors()
                .forEach(e -> out.add(new RowError(0, e.column(), e.reason(), e.structured())));
        if (existing && !stored.skus().contains(p.sku())) {
            out.add(new RowError(0, "sku", Reason.of(Reason.CATALOGUE_UNKNOWN_SKU, p.sku())));
        }
        return out;
    }

    @Override
    public Product create(Product product, String actor) {
        authorizer.require(actor, Permission.EDIT_CATALOGUE);
        return save(product, false, actor);
    }

    @Override
    public Product update(Product product, String actor) {
        authorizer.require(actor, Permission.EDIT_CATALOGUE);
        return save(product, true, actor);
    }

    private Product save(Product product, boolean existing, String actor) {
        Product p = ProductValidator.normalise(product);
        List<ProductValidator.Problem> problems = ProductValidator.validate(p);
        if (!problems.isEmpty()) {
            throw new OperationRefusedException(ProductValidator.refusal(problems));
        }
        Jdbc.inTransaction(ds, c -> {
            if (p.bundle()) {
                lockBundles(c);
            }
            CatalogueImport.Stored stored = stored(c);
            if (existing && !stored.skus().contains(p.sku())) {
                throw new OperationRefusedException("unknown_sku", "There is no product with SKU " + p.sku() + ".");
            }
            List<RowError> clashes = CatalogueImport.check(rowsOf(List.of(p)), stored, existing).errors();
            if (!clashes.isEmpty()) {
                RowError e = clashes.get(0);
                String code = switch (e.column()) {
                    case "barcodes" -> Reason.DUPLICATE_BARCODE;
                    case "components" -> Reason.INVALID_BUNDLE;
                    default -> Reason.DUPLICATE_SKU;
                };
                Reason clash = e.structured() != null ? e.structured() : Reason.of(Reason.PRODUCT_TEXT, e.reason());
                throw new OperationRefusedException(Reason.of(code, e.column(), Reason.encode(List.of(clash))));
            }
            write(c, existing ? List.of() : List.of(p), existing ? List.of(p) : List.of());
            Jdbc.audit(c, null, null, actor, clock.instant(), existing ? "PRODUCT_UPDATED" : "PRODUCT_CREATED",
                    null, null, "SKU " + p.sku());
            return null;
        });
        return find(p.sku()).orElseThrow();
    }

    @Override
    public CatalogueImportPreview previewImport(String fileName, byte[] content, boolean updateExisting,
                                                String actor) {
        authorizer.require(actor, Permission.EDIT_CATALOGUE);
        expirePreviews();
        String name = fileName == null ? "" : fileName.strip();
        if (content == null || content.length == 0) {
            throw new OperationRefusedException("empty_file", "The file " + name + " is empty.");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new OperationRefusedException("file_too_large", "The file is larger than 50 MB.");
        }
        CatalogueFormat format = CatalogueFormat.ofFileName(name);
        if (format == null) {
            throw new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE,
                    Reason.of(Reason.FILE_NOT_CSV_XLSX, name)));
        }
        List<List<String>> rows = CatalogueFiles.read(format, content);
        CatalogueImport.Stored stored = Jdbc.inTransaction(ds, ProductServiceImpl::stored);
        CatalogueImport.Checked checked = CatalogueImport.check(rows, stored, updateExisting);
        String id = null;
        if (checked.errors().isEmpty()) {
            id = UUID.randomUUID().toString();
            previews.put(id, new Preview(name, checked.products(), updateExisting, clock.instant()));
        }
        return new CatalogueImportPreview(id, name, checked.dataRows(), checked.created(), checked.updated(),
                checked.errors());
    }

    @Override
    public int confirmImport(String previewId, String actor) {
        authorizer.require(actor, Permission.EDIT_CATALOGUE);
        expirePreviews();
        Preview p = previewId == null ? null : previews.remove(previewId);
        if (p == null) {
            throw new OperationRefusedException("unknown_preview",
                    "This import preview has expired or was already used; upload the file again.");
        }
        int written = Jdbc.inTransaction(ds, c -> {
            if (p.products().stream().anyMatch(Product::bundle)) {
                lockBundles(c);
            }
            // the catalogue may have changed since the preview: check again, inside the writing transaction
            CatalogueImport.Stored stored = stored(c);
            List<RowError> clashes = CatalogueImport.check(rowsOf(p.products()), stored, p.update()).errors();
            if (!clashes.isEmpty()) {
                RowError e = clashes.get(0);
                throw new OperationRefusedException("import_conflict", "Nothing was imported: " + clashes.size()
                        + " product(s) clash with the catalogue as it is now, e.g. row " + e.row() + ", "
                        + e.column() + ": " + e.reason() + ". Upload the file again.");
            }
            List<Product> creates = new ArrayList<>();
            List<Product> updates = new ArrayList<>();
            for (Product pr : p.products()) {
                (stored.skus().contains(pr.sku()) ? updates : creates).add(pr);
            }
            write(c, creates, updates);
            Jdbc.audit(c, null, null, actor, clock.instant(), "CATALOGUE_IMPORTED", null, null,
                    p.fileName() + ": " + creates.size() + " new, " + updates.size() + " updated");
            return creates.size() + updates.size();
        });
        LOG.info("Imported catalogue {}: {} products", p.fileName(), written);
        return written;
    }

    @Override
    public void discardImport(String previewId) {
        if (previewId != null) {
            previews.remove(previewId);
        }
    }

    @Override
    public byte[] exportCatalogue(CatalogueFormat format, boolean chineseHeaders) {
        List<Product> all = Jdbc.inTransaction(ds, c -> query(c, "SELECT " + COLUMNS + " FROM WB_SKU s ORDER BY "
                + "s.CODE", List.of()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(header(chineseHeaders));
        for (Product p : all) {
            rows.add(new ArrayList<>(ProductValidator.text(p).values()));
        }
        return CatalogueFiles.write(format, chineseHeaders ? "商品" : "Products", rows, numericColumns());
    }

    @Override
    public byte[] exportStock(CatalogueFormat format, boolean chineseHeaders) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(chineseHeaders ? STOCK_ZH : STOCK_EN);
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT w.CODE, s.CODE, s.NAME, st.LOCATION, st.ON_HAND, "
                    + "st.RESERVED FROM WB_STOCK st JOIN WB_WAREHOUSE w ON w.ID = st.WAREHOUSE_ID JOIN WB_SKU s "
                    + "ON s.ID = st.SKU_ID ORDER BY w.CODE, s.CODE"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int onHand = rs.getInt(5);
                    int reserved = rs.getInt(6);
                    rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4) == null ? "" : rs.getString(4), Integer.toString(onHand),
                            Integer.toString(reserved), Integer.toString(onHand - reserved)));
                }
            }
            return null;
        });
        return CatalogueFiles.write(format, chineseHeaders ? "库存" : "Stock", rows, Set.of(4, 5, 6));
    }

    @Override
    public byte[] template(CatalogueFormat format, boolean chineseHeaders) {
        Product example = new Product("MUG-001", "Ceramic mug 350 ml", "陶瓷马克杯 350毫升", List.of("4006381333931"),
                380, null, 120, 90, 100, new BigDecimal("6.50"), "USD", "691200", "CN", "ceramic, tableware", false,
                false, false, false, true);
        return CatalogueFiles.write(format, chineseHeaders ? "商品" : "Products",
                List.of(header(chineseHeaders), new ArrayList<>(ProductValidator.text(example).values())),
                numericColumns());
    }

    @Override
    public List<SkuAlias> aliases(String storeCode) {
        return Jdbc.inTransaction(ds, c -> {
            String sql = "SELECT st.CODE, a.PLATFORM_SKU, s.CODE FROM WB_SKU_ALIAS a JOIN WB_STORE st ON st.ID = "
                    + "a.STORE_ID JOIN WB_SKU s ON s.ID = a.SKU_ID"
                    + (storeCode == null || storeCode.isBlank() ? "" : " WHERE st.CODE = ?")
                    + " ORDER BY st.CODE, a.PLATFORM_SKU";
            List<SkuAlias> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (storeCode != null && !storeCode.isBlank()) {
                    ps.setString(1, storeCode.strip());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SkuAlias(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public SkuAlias setAlias(String storeCode, String platformSku, String sku, String actor) {
        authorizer.require(actor, Permission.EDIT_CATALOGUE);
        String ps = platformSku == null ? "" : platformSku.strip();
        if (ps.isEmpty() || ps.length() > 100 || ps.codePoints().anyMatch(Character::isISOControl)) {
            throw new OperationRefusedException("invalid_alias", "The platform SKU must be 1 to 100 characters "
                    + "without control characters.");
        }
        return Jdbc.inTransaction(ds, c -> {
            long storeId = storeId(c, storeCode);
            Long skuId = id(c, "SELECT ID FROM WB_SKU WHERE CODE = ?", sku == null ? "" : sku.strip());
            if (skuId == null) {
                throw new OperationRefusedException("unknown_sku", "There is no product with SKU " + sku + ".");
            }
            exec(c, "DELETE FROM WB_SKU_ALIAS WHERE STORE_ID = ? AND PLATFORM_SKU = ?", storeId, ps);
            exec(c, "INSERT INTO WB_SKU_ALIAS (STORE_ID, PLATFORM_SKU, SKU_ID) VALUES (?, ?, ?)", storeId, ps, skuId);
            Jdbc.audit(c, null, null, actor, clock.instant(), "SKU_ALIAS_SET", null, null,
                    storeCode.strip() + ": " + ps + " -> " + sku.strip());
            // orders of the store held for this platform SKU re-validate now, in the same transaction
            HeldOrders.Released r = HeldOrders.release(c, storeId, ps, skuId, sku.strip(), actor, clock.instant());
            return new SkuAlias(storeCode.strip(), ps, sku.strip(), r.released(), r.stillHeld());
        });
    }

    @Override
    public boolean removeAlias(String storeCode, String platformSku, String actor) {
        authorizer.require(actor, Permission.EDIT_CATALOGUE);
        return Jdbc.inTransaction(ds, c -> {
            long storeId = storeId(c, storeCode);
            int n = exec(c, "DELETE FROM WB_SKU_ALIAS WHERE STORE_ID = ? AND PLATFORM_SKU = ?", storeId,
                    platformSku == null ? "" : platformSku.strip());
            if (n > 0) {
                Jdbc.audit(c, null, null, actor, clock.instant(), "SKU_ALIAS_REMOVED", null, null,
                        storeCode.strip() + ": " + platformSku.strip());
            }
            return n > 0;
        });
    }

    // ---- writing

    /** Inserts new products and replaces existing ones (barcodes included) in JDBC batches, in the caller's tx. */
    static void write(Connection c, List<Product> creates, List<Product> updates) throws SQLException {
        Map<Long, Product> byId = new LinkedHashMap<>();
        if (!creates.isEmpty()) {
            long next = Ids.reserve(c, creates.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_SKU (ID, VERSION, CODE, NAME, NAME_ZH, "
                    + "WEIGHT_GRAMS, WEIGHT_TOLERANCE_GRAMS, LENGTH_MM, WIDTH_MM, HEIGHT_MM, DECLARED_VALUE, CURRENCY, "
                    + "HS_CODE, ORIGIN_COUNTRY, MATERIAL, DG_BATTERY, DG_LIQUID, DG_MAGNET, DG_POWDER, ENABLED, "
                    + "CUSTOMS_NAME_EN, CUSTOMS_NAME_ZH) "
                    + "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Product p : creates) {
                    long id = next++;
                    ps.setLong(1, id);
                    ps.setString(2, p.sku());
                    bindFields(ps, 3, p);
                    ps.addBatch();
                    byId.put(id, p);
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            Map<String, Long> ids = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE, ID FROM WB_SKU");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_SKU SET NAME = ?, NAME_ZH = ?, WEIGHT_GRAMS = ?, "
                    + "WEIGHT_TOLERANCE_GRAMS = ?, LENGTH_MM = ?, WIDTH_MM = ?, HEIGHT_MM = ?, DECLARED_VALUE = ?, "
                    + "CURRENCY = ?, HS_CODE = ?, ORIGIN_COUNTRY = ?, MATERIAL = ?, DG_BATTERY = ?, DG_LIQUID = ?, "
                    + "DG_MAGNET = ?, DG_POWDER = ?, ENABLED = ?, CUSTOMS_NAME_EN = ?, CUSTOMS_NAME_ZH = ?, "
                    + "VERSION = VERSION + 1 WHERE ID = ?");
                 PreparedStatement del = c.prepareStatement("DELETE FROM WB_SKU_BARCODE WHERE SKU_ID = ?")) {
                int n = 0;
                for (Product p : updates) {
                    long id = ids.get(p.sku());
                    bindFields(ps, 1, p);
                    ps.setLong(20, id);
                    ps.addBatch();
                    del.setLong(1, id);
                    del.addBatch();
                    byId.put(id, p);
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                        del.executeBatch();
                    }
                }
                ps.executeBatch();
                del.executeBatch();
            }
        }
        writeComponents(c, byId, !updates.isEmpty());
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO WB_SKU_BARCODE (BARCODE, SKU_ID, POSITION) VALUES (?, ?, ?)")) {
            int n = 0;
            for (Map.Entry<Long, Product> e : byId.entrySet()) {
                int pos = 0;
                for (String b : e.getValue().barcodes()) {
                    ps.setString(1, b);
                    ps.setLong(2, e.getKey());
                    ps.setInt(3, pos++);
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Replaces the components of the written products (a bundle's rows in {@code WB_SKU_COMPONENT}). Component SKUs
     * are looked up after the products are written, so a file may list a bundle before its components.
     */
    private static void writeComponents(Connection c, Map<Long, Product> byId, boolean updates) throws SQLException {
        if (updates) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM WB_SKU_COMPONENT WHERE BUNDLE_SKU_ID = ?")) {
                int n = 0;
                for (Long id : byId.keySet()) {
                    del.setLong(1, id);
                    del.addBatch();
                    if (++n % BATCH == 0) {
                        del.executeBatch();
                    }
                }
                del.executeBatch();
            }
        }
        if (byId.values().stream().noneMatch(Product::bundle)) {
            return;
        }
        try (PreparedStatement find = c.prepareStatement("SELECT ID FROM WB_SKU WHERE CODE = ?");
             PreparedStatement ps = c.prepareStatement("INSERT INTO WB_SKU_COMPONENT (BUNDLE_SKU_ID, "
                     + "COMPONENT_SKU_ID, QUANTITY, POSITION) VALUES (?, ?, ?, ?)")) {
            Map<String, Long> ids = new HashMap<>();
            for (Map.Entry<Long, Product> e : byId.entrySet()) {
                int pos = 0;
                for (ProductComponent part : e.getValue().components()) {
                    Long partId = ids.get(part.sku());
                    if (partId == null) {
                        find.setString(1, part.sku());
                        try (ResultSet rs = find.executeQuery()) {
                            if (!rs.next()) {
                                throw new OperationRefusedException(Reason.of(Reason.INVALID_BUNDLE, "components",
                                        Reason.encode(List.of(Reason.of(Reason.PRODUCT_COMPONENT_UNKNOWN,
                                                part.sku())))));
                            }
                            partId = rs.getLong(1);
                        }
                        ids.put(part.sku(), partId);
                    }
                    ps.setLong(1, e.getKey());
                    ps.setLong(2, partId);
                    ps.setInt(3, part.quantity());
                    ps.setInt(4, pos++);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /**
     * Serialises transactions that write bundles (a row lock on the id sequence), so two edits that are each
     * acyclic cannot together make a bundle contain itself: the second one checks against the first.
     */
    private static void lockBundles(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE WB_SEQUENCE SET SEQ_COUNT = SEQ_COUNT WHERE SEQ_NAME = 'wb_id'")) {
            ps.executeUpdate();
        }
    }

    private static void bindFields(PreparedStatement ps, int i, Product p) throws SQLException {
        ps.setString(i, p.name());
        ps.setString(i + 1, p.nameZh());
        // a bundle without a weight of its own is stored as 0: the sum of its components
        ps.setInt(i + 2, p.weightGrams() == null ? 0 : p.weightGrams());
        setInt(ps, i + 3, p.weightToleranceGrams());
        setInt(ps, i + 4, p.lengthMm());
        setInt(ps, i + 5, p.widthMm());
        setInt(ps, i + 6, p.heightMm());
        if (p.declaredValue() == null) {
            ps.setNull(i + 7, Types.DECIMAL);
        } else {
            ps.setBigDecimal(i + 7, p.declaredValue());
        }
        ps.setString(i + 8, p.currency());
        ps.setString(i + 9, p.hsCode());
        ps.setString(i + 10, p.originCountry());
        ps.setString(i + 11, p.material());
        ps.setBoolean(i + 12, p.battery());
        ps.setBoolean(i + 13, p.liquid());
        ps.setBoolean(i + 14, p.magnet());
        ps.setBoolean(i + 15, p.powder());
        ps.setBoolean(i + 16, p.enabled());
        ps.setString(i + 17, p.customsNameEn());
        ps.setString(i + 18, p.customsNameZh());
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }


    // ---- reading

    static CatalogueImport.Stored stored(Connection c) throws SQLException {
        Set<String> skus = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM WB_SKU"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                skus.add(rs.getString(1));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT b.BARCODE, s.CODE FROM WB_SKU_BARCODE b JOIN WB_SKU s "
                + "ON s.ID = b.SKU_ID"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getString(2));
            }
        }
        Map<String, List<ProductComponent>> components = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.CODE, s.CODE, k.QUANTITY FROM WB_SKU_COMPONENT k "
                + "JOIN WB_SKU b ON b.ID = k.BUNDLE_SKU_ID JOIN WB_SKU s ON s.ID = k.COMPONENT_SKU_ID "
                + "ORDER BY k.BUNDLE_SKU_ID, k.POSITION"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                components.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ProductComponent(rs.getString(2), rs.getInt(3)));
            }
        }
        Map<String, String> stocked = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.CODE, w.CODE, st.ON_HAND, st.RESERVED FROM WB_STOCK "
                + "st JOIN WB_SKU s ON s.ID = st.SKU_ID JOIN WB_WAREHOUSE w ON w.ID = st.WAREHOUSE_ID "
                + "WHERE st.ON_HAND > 0 OR st.RESERVED > 0 ORDER BY w.CODE"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                // where the SKU holds stock, as reasons (encoded: ProductValidator.bundleProblems names them)
                String held = Reason.encode(List.of(Reason.of(Reason.PRODUCT_STOCK_HELD, rs.getInt(3), rs.getInt(4),
                        rs.getString(2))));
                stocked.merge(rs.getString(1), held, (a, b) -> Reason.encode(java.util.stream.Stream.concat(
                        Reason.decode(a).stream(), Reason.decode(b).stream()).toList()));
            }
        }
        return new CatalogueImport.Stored(skus, owners, components, stocked);
    }

    private static List<Product> query(Connection c, String sql, List<String> params) throws SQLException {
        Map<Long, Product> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getLong(1), new Product(rs.getString(2), rs.getString(3), rs.getString(4), List.of(),
                            rs.getInt(5), integer(rs, 6), integer(rs, 7), integer(rs, 8), integer(rs, 9),
                            rs.getBigDecimal(10), rs.getString(11), rs.getString(12), rs.getString(13),
                            rs.getString(14), rs.getBoolean(15), rs.getBoolean(16), rs.getBoolean(17),
                            rs.getBoolean(18), rs.getBoolean(19)).withCustomsNames(rs.getString(20), rs.getString(21)));
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> barcodes = new HashMap<>();
        String sqlBarcodes = found.size() <= 1000
                ? "SELECT SKU_ID, BARCODE FROM WB_SKU_BARCODE WHERE SKU_ID IN (" + found.keySet().stream()
                        .map(String::valueOf).collect(Collectors.joining(",")) + ") ORDER BY SKU_ID, POSITION"
                : "SELECT SKU_ID, BARCODE FROM WB_SKU_BARCODE ORDER BY SKU_ID, POSITION";
        try (PreparedStatement ps = c.prepareStatement(sqlBarcodes); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                barcodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<Long, List<ProductComponent>> components = new HashMap<>();
        String sqlComponents = "SELECT k.BUNDLE_SKU_ID, s.CODE, k.QUANTITY FROM WB_SKU_COMPONENT k JOIN WB_SKU s "
                + "ON s.ID = k.COMPONENT_SKU_ID" + (found.size() <= 1000 ? " WHERE k.BUNDLE_SKU_ID IN ("
                + found.keySet().stream().map(String::valueOf).collect(Collectors.joining(",")) + ")" : "")
                + " ORDER BY k.BUNDLE_SKU_ID, k.POSITION";
        try (PreparedStatement ps = c.prepareStatement(sqlComponents); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                components.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ProductComponent(rs.getString(2), rs.getInt(3)));
            }
        }
        List<Product> out = new ArrayList<>(found.size());
        for (Map.Entry<Long, Product> e : found.entrySet()) {
            Product p = e.getValue();
            List<String> b = barcodes.get(e.getKey());
            if (b != null) {
                p = p.withBarcodes(b);
            }
            List<ProductComponent> parts = components.get(e.getKey());
            if (parts != null) {
                p = p.withComponents(parts);
                if (p.weightGrams() != null && p.weightGrams() == 0) {
                    // a bundle's 0 g is "the sum of its components"
                    p = new Product(p.sku(), p.name(), p.nameZh(), p.barcodes(), null, p.weightToleranceGrams(),
                            p.lengthMm(), p.widthMm(), p.heightMm(), p.declaredValue(), p.currency(), p.hsCode(),
                            p.originCountry(), p.material(), p.battery(), p.liquid(), p.magnet(), p.powder(),
                            p.enabled(), parts, p.customsNameEn(), p.customsNameZh());
                }
            }
            out.add(p);
        }
        return out;
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, List<String> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setString(i + 1, params.get(i));
        }
    }

    private static List<String> header(boolean chinese) {
        List<String> h = new ArrayList<>();
        for (ProductColumn c : ProductColumn.values()) {
            h.add(c.header(chinese));
        }
        return h;
    }

    private static Set<Integer> numericColumns() {
        return Set.of(ProductColumn.WEIGHT.ordinal(), ProductColumn.WEIGHT_TOLERANCE.ordinal(),
                ProductColumn.LENGTH.ordinal(), ProductColumn.WIDTH.ordinal(), ProductColumn.HEIGHT.ordinal(),
                ProductColumn.DECLARED_VALUE.ordinal());
    }

    /** Products as file rows (header first), to run the file checks on them. */
    private static List<List<String>> rowsOf(List<Product> products) {
        List<List<String>> rows = new ArrayList<>(products.size() + 1);
        rows.add(header(false));
        for (Product p : products) {
            rows.add(new ArrayList<>(ProductValidator.text(p).values()));
        }
        return rows;
    }

    private static long storeId(Connection c, String storeCode) throws SQLException {
        Long id = id(c, "SELECT ID FROM WB_STORE WHERE CODE = ?", storeCode == null ? "" : storeCode.strip());
        if (id == null) {
            throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, storeCode));
        }
        return id;
    }

    private static Long id(Connection c, String sql, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static int exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    private void expirePreviews() {
        Instant limit = clock.instant().minus(PREVIEW_TTL);
        previews.values().removeIf(p -> p.created().isBefore(limit));
    }
}
