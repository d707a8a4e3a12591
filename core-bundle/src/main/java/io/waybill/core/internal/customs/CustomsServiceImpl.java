package io.waybill.core.internal.customs;

import io.waybill.core.api.CustomsService;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.Permission;
import io.waybill.core.api.ProductService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.lifecycle.EditGate;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.workflow.WarehouseRows;
import io.waybill.core.model.PackageDeclaration;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.Product;
import io.waybill.core.model.Reason;
import io.waybill.core.model.StoreCustoms;
import io.waybill.core.model.Warehouse;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.carrier.CustomsDeclaration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Customs declarations: a package's declaration (saved edits in WB_PACKAGE_CUSTOMS*, else {@link Declarations}),
 * its check before upload ({@link DeclarationCheck} with the carrier service's limits) and the stores' customs
 * settings (WB_STORE: IOSS / VOEC / EORI / VAT numbers, default category, check switch).
 */
@Component(service = {CustomsService.class, CustomsServiceImpl.class})
public class CustomsServiceImpl implements CustomsService {
    private static final Logger LOG = LoggerFactory.getLogger(CustomsServiceImpl.class);

    /** Refusal code of an upload whose declaration has problems (its params: the package no. and the problems). */
    public static final String CUSTOMS_INVALID = Reason.CUSTOMS_NOT_READY;
    public static final String INVALID_DECLARATION = Reason.INVALID_DECLARATION;
    public static final String INVALID_TAX_ID = Reason.INVALID_TAX_ID;

    private static final Pattern IOSS = Pattern.compile("IM[0-9]{10}");
    private static final Pattern VOEC = Pattern.compile("[0-9]{7}");
    private static final Pattern EORI = Pattern.compile("[A-Z]{2}[A-Z0-9]{1,15}");
    private static final Pattern VAT = Pattern.compile("[A-Z]{2}[A-Z0-9+*]{2,13}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final DataSource ds;
    private final PackageService packages;
    private final ProductService products;
    private final Clock clock;
    private volatile Authorizer authorizer;
    private volatile PluginRegistryImpl plugins;

    @Activate
    public CustomsServiceImpl(@Reference Database db, @Reference PackageService packages,
                              @Reference ProductService products) {
        this(db.dataSource(), packages, products, Clock.systemUTC());
    }

    public CustomsServiceImpl(DataSource ds, PackageService packages, ProductService products, Clock clock) {
        this.ds = ds;
        this.packages = packages;
        this.products = products;
        this.clock = clock;
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setPlugins(PluginRegistryImpl plugins) {
        this.plugins = plugins;
    }

    public void unsetPlugins(PluginRegistryImpl plugins) {
        if (this.plugins == plugins) {
            this.plugins = null;
        }
    }

    /**
     * The declaration of a package and what refuses it.
     *
     * @param declaration the declaration the carrier gets
     * @param problems    the reasons against uploading it with the service checked; empty when it may go
     */
    public record UploadCheck(PackageDeclaration declaration, List<Reason> problems) {
        /**
         * The refusal of an upload with these problems ({@link Reason#CUSTOMS_NOT_READY}): every problem a reason of
         * its own in the params, so each reads in the user's language.
         */
        public OperationRefusedException refusal(String packageNo) {
            return new OperationRefusedException(Reason.of(Reason.CUSTOMS_NOT_READY, packageNo,
                    Reason.encode(problems)));
        }
    }

    // ---- the API

    @Override
    public Optional<PackageDeclaration> declaration(long packageId, String viewer) {
        return packages.detail(packageId, viewer).map(this::declarationOf);
    }

    @Override
    public List<Reason> problems(long packageId, String viewer) {
        Optional<PackageDetail> d = packages.detail(packageId, viewer);
        if (d.isEmpty()) {
            return List.of();
        }
        String[] method = Jdbc.inTransaction(ds, c -> defaultMethod(c, d.get().row().storeCode()));
        return check(d.get(), method == null ? null : method[0], method == null ? null : method[1]).problems();
    }

    @Override
    public PackageDeclaration save(long packageId, PackageDeclaration declaration, String actor) {
        authorizer.require(actor, Permission.EDIT_PACKAGE);
        if (declaration == null) {
            throw new OperationRefusedException(Reason.of(Reason.INVALID_DECLARATION,
                    Reason.encode(List.of(Reason.of(Reason.DECL_NONE)))));
        }
        List<Reason> wrong = validate(declaration);
        if (!wrong.isEmpty()) {
            throw new OperationRefusedException(Reason.of(Reason.INVALID_DECLARATION, Reason.encode(wrong)));
        }
        // what the package declares now (saved edits, else built from the catalogue), read before the transaction
        Optional<PackageDetail> detail = packages.detail(packageId);
        Function<String, Product> catalogue = catalogue();
        Jdbc.inTransaction(ds, c -> {
            // the one status rule of edits before upload (PackageLifecycle), the row locked until commit
            EditGate.Editable pkg = EditGate.lock(c, packageId, PackageLifecycle.EDIT_DECLARATION);
            StoreCustoms store = detail.isEmpty() ? new StoreCustoms(null, null, false)
                    : storeCustoms(c, detail.get().row().storeCode()).orElse(new StoreCustoms(null, null, false));
            PackageDeclaration current = saved(c, packageId).orElseGet(() -> detail.map(d ->
                    Declarations.build(d, catalogue, store)).orElse(new PackageDeclaration(null, null, null, false)));
            List<String> changes = DeclarationChanges.between(pkg.packageNo(), current, declaration);
            if (changes.isEmpty()) {
                return null; // nothing changed: nothing is written (a declaration following the catalogue still does)
            }
            deleteSaved(c, packageId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_CUSTOMS (PACKAGE_ID, CATEGORY, "
                    + "UPDATED_AT, UPDATED_BY) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, packageId);
                ps.setString(2, declaration.category().name());
                ps.setTimestamp(3, Timestamp.from(clock.instant()));
                ps.setString(4, actor.strip());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_PACKAGE_CUSTOMS_LINE (PACKAGE_ID, "
                    + "POSITION, SKU, DESCRIPTION_EN, DESCRIPTION_ZH, HS_CODE, QUANTITY, UNIT_VALUE, CURRENCY, "
                    + "ORIGIN_COUNTRY, NET_WEIGHT_GRAMS) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pos = 0;
                for (PackageDeclaration.Line l : declaration.lines()) {
                    ps.setLong(1, packageId);
                    ps.setInt(2, ++pos);
                    ps.setString(3, l.sku().strip());
                    ps.setString(4, l.descriptionEn());
                    ps.setString(5, l.descriptionZh());
                    ps.setString(6, l.hsCode());
                    ps.setInt(7, l.quantity());
                    if (l.unitValue() == null) {
                        ps.setNull(8, Types.DECIMAL);
                    } else {
                        ps.setBigDecimal(8, l.unitValue());
                    }
                    ps.setString(9, l.currency());
                    ps.setString(10, l.originCountry());
                    ps.setInt(11, l.netWeightGrams());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            // who: the actor column; what: every changed field with its value before and after
            Jdbc.audit(c, packageId, null, actor.strip(), clock.instant(), "CUSTOMS_EDITED", pkg.status().name(),
                    pkg.status().name(), new Reason(Reason.CUSTOMS_CHANGED, changes));
            return null;
        });
        return declaration(packageId, null).orElseThrow();
    }

    @Override
    public PackageDeclaration reset(long packageId, String actor) {
        authorizer.require(actor, Permission.EDIT_PACKAGE);
        Jdbc.inTransaction(ds, c -> {
            EditGate.Editable pkg = EditGate.lock(c, packageId, PackageLifecycle.EDIT_DECLARATION);
            if (deleteSaved(c, packageId)) {
                Jdbc.audit(c, packageId, null, actor.strip(), clock.instant(), "CUSTOMS_RESET", pkg.status().name(),
                        pkg.status().name(), Reason.of(Reason.CUSTOMS_RESET));
            }
            return null;
        });
        return declaration(packageId, null).orElseThrow();
    }

    @Override
    public StoreCustoms storeCustoms(String storeCode, String viewer) {
        return Jdbc.inTransaction(ds, c -> storeCustoms(c, storeCode)).orElseThrow(
                () -> new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, storeCode)));
    }

    @Override
    public StoreCustoms setStoreCustoms(String storeCode, StoreCustoms customs, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        CustomsDeclaration.TaxIds ids = customs.taxIds();
        String ioss = upper(ids.ioss());
        String voec = upper(ids.voec());
        String eori = upper(ids.eori());
        String vat = upper(ids.vat());
        List<Reason> wrong = new ArrayList<>();
        check(wrong, Reason.TAX_IOSS_MALFORMED, ioss, IOSS);
        check(wrong, Reason.TAX_VOEC_MALFORMED, voec, VOEC);
        check(wrong, Reason.TAX_EORI_MALFORMED, eori, EORI);
        check(wrong, Reason.TAX_VAT_MALFORMED, vat, VAT);
        if (!wrong.isEmpty()) {
            throw new OperationRefusedException(Reason.of(Reason.INVALID_TAX_ID, Reason.encode(wrong)));
        }
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STORE SET IOSS_NUMBER = ?, VOEC_NUMBER = ?, "
                    + "EORI_NUMBER = ?, VAT_NUMBER = ?, CUSTOMS_CATEGORY = ?, CUSTOMS_CHECK = ? WHERE CODE = ?")) {
                ps.setString(1, ioss.isEmpty() ? null : ioss);
                ps.setString(2, voec.isEmpty() ? null : voec);
                ps.setString(3, eori.isEmpty() ? null : eori);
                ps.setString(4, vat.isEmpty() ? null : vat);
                ps.setString(5, customs.defaultCategory().name());
                ps.setBoolean(6, customs.checkBeforeUpload());
                ps.setString(7, storeCode == null ? "" : storeCode.strip());
                if (ps.executeUpdate() == 0) {
                    throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, storeCode));
                }
            }
            return storeCustoms(c, storeCode).orElseThrow();
        });
    }

    // ---- for the upload queue, the carrier worker and the labels

    /** The declaration of a package as the carrier gets it and the CN22/CN23 prints it. */
    @Override
    public PackageDeclaration declarationOf(PackageDetail d) {
        return Jdbc.inTransaction(ds, c -> {
            StoreCustoms store = storeCustoms(c, d.row().storeCode()).orElse(new StoreCustoms(null, null, false));
            Optional<PackageDeclaration> saved = saved(c, d.row().id());
            return saved.map(s -> Declarations.withTaxIds(s, d, store))
                    .orElseGet(() -> Declarations.build(d, catalogue(), store));
        });
    }

    /**
     * The declaration of a package and the reasons against uploading it to {@code carrierId}'s
     * {@code serviceCode} (the service's limits as the plugin declares them; none when it declares none).
     */
    public UploadCheck check(PackageDetail d, String carrierId, String serviceCode) {
        Function<String, Product> catalogue = catalogue();
        return Jdbc.inTransaction(ds, c -> {
            StoreCustoms store = storeCustoms(c, d.row().storeCode()).orElse(new StoreCustoms(null, null, false));
            PackageDeclaration decl = saved(c, d.row().id()).map(s -> Declarations.withTaxIds(s, d, store))
                    .orElseGet(() -> Declarations.build(d, catalogue, store));
            String from = null;
            if (d.warehouseCode() != null) {
                Warehouse w = WarehouseRows.byCode(c, d.warehouseCode());
                from = w == null ? null : w.countryCode();
            } else {
                from = firstWarehouseCountry(c, d.row().storeCode());
            }
            Set<CarrierService.DangerousGoods> dg = EnumSet.noneOf(CarrierService.DangerousGoods.class);
            for (PackageDetail.Line l : d.lines()) {
                flags(catalogue.apply(l.skuCode()), dg);
                for (PackageDetail.Line part : l.components()) {
                    flags(catalogue.apply(part.skuCode()), dg);
                }
            }
            DeclarationCheck.Input in = new DeclarationCheck.Input(decl, from,
                    d.shipTo() == null ? null : d.shipTo().countryCode(), d.row().expectedWeightGrams(), dg,
                    store.checkBeforeUpload());
            return new UploadCheck(decl, DeclarationCheck.problems(in, service(carrierId, serviceCode)));
        });
    }

    /** The service a carrier plugin declares under this code, or null (not declared, or plugin absent). */
    CarrierService service(String carrierId, String serviceCode) {
        PluginRegistryImpl registry = plugins;
        if (registry == null || carrierId == null) {
            return null;
        }
        Optional<CarrierGateway> g = registry.carrier(carrierId);
        if (g.isEmpty()) {
            return null;
        }
        List<CarrierService> services;
        try {
            services = g.get().services();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Carrier plugin {} failed to list its services: {}", carrierId, e.toString());
            return null;
        }
        if (services == null) {
            return null;
        }
        String code = serviceCode == null ? "" : serviceCode.strip();
        for (CarrierService s : services) {
            if (s != null && s.code().equalsIgnoreCase(code)) {
                return s;
            }
        }
        return null;
    }

    private Function<String, Product> catalogue() {
        Map<String, Optional<Product>> cache = new HashMap<>();
        return sku -> sku == null ? null : cache.computeIfAbsent(sku, products::find).orElse(null);
    }

    private static void flags(Product p, Set<CarrierService.DangerousGoods> out) {
        if (p == null) {
            return;
        }
        if (p.battery()) {
            out.add(CarrierService.DangerousGoods.BATTERY);
        }
        if (p.liquid()) {
            out.add(CarrierService.DangerousGoods.LIQUID);
        }
        if (p.magnet()) {
            out.add(CarrierService.DangerousGoods.MAGNET);
        }
        if (p.powder()) {
            out.add(CarrierService.DangerousGoods.POWDER);
        }
    }

    // ---- rows

    static Optional<StoreCustoms> storeCustoms(Connection c, String storeCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT IOSS_NUMBER, VOEC_NUMBER, EORI_NUMBER, VAT_NUMBER, "
                + "CUSTOMS_CATEGORY, CUSTOMS_CHECK FROM WB_STORE WHERE CODE = ?")) {
            ps.setString(1, storeCode == null ? "" : storeCode.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoreCustoms(new CustomsDeclaration.TaxIds(rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), category(rs.getString(5)), rs.getBoolean(6)));
            }
        }
    }

    static Optional<PackageDeclaration> saved(Connection c, long packageId) throws SQLException {
        CustomsDeclaration.Category category;
        try (PreparedStatement ps = c.prepareStatement("SELECT CATEGORY FROM WB_PACKAGE_CUSTOMS WHERE PACKAGE_ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                category = category(rs.getString(1));
            }
        }
        List<PackageDeclaration.Line> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT SKU, DESCRIPTION_EN, DESCRIPTION_ZH, HS_CODE, QUANTITY, "
                + "UNIT_VALUE, CURRENCY, ORIGIN_COUNTRY, NET_WEIGHT_GRAMS FROM WB_PACKAGE_CUSTOMS_LINE WHERE "
                + "PACKAGE_ID = ? ORDER BY POSITION")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(new PackageDeclaration.Line(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getInt(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8),
                            rs.getInt(9)));
                }
            }
        }
        return Optional.of(new PackageDeclaration(category, null, lines, true));
    }

    /** Drops a package's saved declaration (edits); true when there was one. Also called when its lines change. */
    public static boolean deleteSaved(Connection c, long packageId) throws SQLException {
        try (PreparedStatement lines = c.prepareStatement("DELETE FROM WB_PACKAGE_CUSTOMS_LINE WHERE PACKAGE_ID = ?");
             PreparedStatement head = c.prepareStatement("DELETE FROM WB_PACKAGE_CUSTOMS WHERE PACKAGE_ID = ?")) {
            lines.setLong(1, packageId);
            lines.executeUpdate();
            head.setLong(1, packageId);
            return head.executeUpdate() > 0;
        }
    }

    /** Carrier id and service of the store's default shipping method, or null. */
    static String[] defaultMethod(Connection c, String storeCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT m.CARRIER_ID, m.SERVICE_CODE FROM WB_SHIPPING_METHOD m "
                + "JOIN WB_STORE s ON s.ID = m.STORE_ID WHERE s.CODE = ? AND m.IS_DEFAULT = TRUE")) {
            ps.setString(1, storeCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    private static String firstWarehouseCountry(Connection c, String storeCode) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT w.COUNTRY_CODE FROM WB_STORE_WAREHOUSE sw JOIN "
                + "WB_WAREHOUSE w ON w.ID = sw.WAREHOUSE_ID JOIN WB_STORE s ON s.ID = sw.STORE_ID WHERE s.CODE = ? "
                + "ORDER BY sw.PRIORITY")) {
            ps.setString(1, storeCode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    // ---- validation of input

    /**
     * What is wrong with an edited declaration as input (not as customs see it: that is {@link DeclarationCheck}),
     * each a {@code decl_*} reason.
     */
    static List<Reason> validate(PackageDeclaration d) {
        List<Reason> out = new ArrayList<>();
        if (d.lines().isEmpty()) {
            out.add(Reason.of(Reason.DECL_NO_LINES));
        }
        int n = 0;
        for (PackageDeclaration.Line l : d.lines()) {
            n++;
            String at = n + (l.sku() == null || l.sku().isBlank() ? "" : " (" + l.sku().strip() + ")");
            if (l.sku() == null || l.sku().isBlank()) {
                out.add(Reason.of(Reason.DECL_SKU_REQUIRED, at));
            } else if (l.sku().length() > 100) {
                out.add(Reason.of(Reason.DECL_SKU_TOO_LONG, at));
            }
            text(out, at, "description_en", l.descriptionEn(), 200);
            text(out, at, "description_zh", l.descriptionZh(), 200);
            if (l.hsCode() != null && l.hsCode().length() > 10) {
                out.add(Reason.of(Reason.DECL_HS_TOO_LONG, at, l.hsCode()));
            }
            if (l.quantity() < 1) {
                out.add(Reason.of(Reason.DECL_QUANTITY, at));
            }
            if (l.unitValue() != null && (l.unitValue().signum() < 0 || l.unitValue().precision()
                    - l.unitValue().scale() > 15 || l.unitValue().stripTrailingZeros().scale() > 4)) {
                out.add(Reason.of(Reason.DECL_UNIT_VALUE, at, l.unitValue().toPlainString()));
            }
            if (l.currency() != null && !CURRENCY.matcher(l.currency()).matches()) {
                out.add(Reason.of(Reason.DECL_CURRENCY, at, l.currency()));
            }
            if (l.unitValue() != null && l.currency() == null) {
                out.add(Reason.of(Reason.DECL_VALUE_NO_CURRENCY, at));
            }
            if (l.originCountry() != null && !COUNTRIES.contains(l.originCountry())) {
                out.add(Reason.of(Reason.DECL_ORIGIN, at, l.originCountry()));
            }
            if (l.netWeightGrams() < 0) {
                out.add(Reason.of(Reason.DECL_NET_WEIGHT, at));
            }
        }
        return out;
    }

    private static void text(List<Reason> out, String at, String field, String value, int max) {
        if (value == null) {
            return;
        }
        if (value.length() > max) {
            out.add(Reason.of(Reason.DECL_TEXT_TOO_LONG, at, field, max));
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            out.add(Reason.of(Reason.DECL_TEXT_CONTROL, at, field));
        }
    }

    private static void check(List<Reason> out, String code, String value, Pattern pattern) {
        if (!value.isEmpty() && !pattern.matcher(value).matches()) {
            out.add(Reason.of(code, value));
        }
    }

    private static String upper(String s) {
        return s == null ? "" : s.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    static CustomsDeclaration.Category category(String name) {
        try {
            return name == null ? CustomsDeclaration.Category.MERCHANDISE
                    : CustomsDeclaration.Category.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            return CustomsDeclaration.Category.MERCHANDISE;
        }
    }
}
