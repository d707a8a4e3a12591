package io.waybill.core.internal.service;

import io.waybill.core.model.Reason;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.StoreService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.StoreEntity;
import io.waybill.core.internal.carrier.ShippingMethodRows;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.store.SettingRules;
import io.waybill.core.internal.store.StoreAccounts;
import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.workflow.TextRules;
import io.waybill.core.model.ConnectionTest;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.ShippingMethodInfo;
import io.waybill.core.model.Store;
import io.waybill.core.model.StoreDraft;
import io.waybill.core.model.StoreInfo;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.StoreContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Stores: the rows of {@code WB_STORE} (with the warehouse priority list {@code WB_STORE_WAREHOUSE}) and, through
 * {@link StoreAccounts}, the plugin account configuration of each store. Every change is permission-checked
 * ({@link Permission#MANAGE_STORES}), validated as a whole (all problems in one refusal), written in one transaction
 * and audited (STORE_CREATED / STORE_UPDATED / STORE_ENABLED / STORE_DISABLED; the reason names setting ids, never a
 * secret value).
 */
@Component(service = StoreService.class)
public class StoreServiceImpl implements StoreService {

    static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,39}");
    static final int MAX_INTERVAL = 1440;

    private final Database db;
    private final DataSource ds;
    private volatile Authorizer authorizer;
    private volatile PluginRegistryImpl plugins;
    private volatile StoreAccounts accounts;

    @Activate
    public StoreServiceImpl(@Reference Database db) {
        this.db = db;
        this.ds = db.dataSource();
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Reference
    public void setPlugins(PluginRegistryImpl plugins) {
        this.plugins = plugins;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setAccounts(StoreAccounts accounts) {
        this.accounts = accounts;
    }

    public void unsetAccounts(StoreAccounts accounts) {
        if (this.accounts == accounts) {
            this.accounts = null;
        }
    }

    @Override
    public List<StoreInfo> stores() {
        return db.read(em -> em.createQuery("SELECT s FROM StoreEntity s ORDER BY s.name", StoreEntity.class)
                .getResultList().stream()
                .map(s -> new StoreInfo(s.getCode(), s.getName(), s.getPlatform()))
                .toList());
    }

    @Override
    public List<String> destinationCountries() {
        return db.read(em -> em.createQuery(
                "SELECT DISTINCT o.countryCode FROM PackageEntity p JOIN p.order o ORDER BY o.countryCode",
                String.class).getResultList());
    }

    // ---------------------------------------------------------------------------------------------------- platforms

    @Override
    public List<PlatformType> platforms() {
        return platforms(null);
    }

    @Override
    public List<PlatformType> platforms(Locale locale) {
        Map<String, PlatformType> types = new TreeMap<>();
        StoreAccounts a = accounts;
        if (a != null) {
            a.platforms(locale).forEach(t -> types.put(t.id(), t));
        }
        PluginRegistryImpl registry = plugins;
        if (registry != null) {
            for (PluginInfo p : registry.plugins()) {
                if (p.kind() == PluginInfo.Kind.PLATFORM && !types.containsKey(p.id())) {
                    // a platform plugin without a Metatype description: a store can name it, with no settings
                    types.put(p.id(), new PlatformType(p.id(), p.displayName(), p.description(), null,
                            p.bundleName(), List.of()));
                }
            }
        }
        return List.copyOf(types.values());
    }

    private PlatformType platform(String id) {
        String wanted = id == null ? "" : id.strip();
        List<PlatformType> all = platforms();
        return all.stream().filter(t -> t.id().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new OperationRefusedException(UNKNOWN_PLATFORM, wanted.isEmpty()
                        ? "A platform is required." : "No installed plugin offers platform '" + wanted + "'"
                        + (all.isEmpty() ? "; no platform plugin is installed." : "; installed: "
                        + String.join(", ", all.stream().map(PlatformType::id).toList()) + ".")));
    }

    // ------------------------------------------------------------------------------------------------------- reads

    private record Row(long id, String code, String name, String platform, boolean enabled, boolean autoSync,
                       int interval, Instant lastCaptureAt, String lastCaptureError) {
    }

    private static final String SELECT = "SELECT ID, CODE, NAME, PLATFORM, ENABLED, AUTO_SYNC, "
            + "CAPTURE_INTERVAL_MINUTES, LAST_CAPTURE_AT, LAST_CAPTURE_ERROR FROM WB_STORE";

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp(8);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getInt(7), last == null ? null : last.toInstant(), rs.getString(9));
    }

    @Override
    public List<Store> list() {
        List<Row> rows = new ArrayList<>();
        Map<Long, List<String>> warehouses = new HashMap<>();
        Map<Long, ShippingMethodInfo> methods = new HashMap<>();
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT sw.STORE_ID, w.CODE FROM WB_STORE_WAREHOUSE sw "
                    + "JOIN WB_WAREHOUSE w ON w.ID = sw.WAREHOUSE_ID ORDER BY sw.STORE_ID, sw.PRIORITY, w.CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    warehouses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT s.ID, s.CODE, m.CODE, m.CARRIER_ID, "
                    + "m.SERVICE_CODE FROM WB_SHIPPING_METHOD m JOIN WB_STORE s ON s.ID = m.STORE_ID "
                    + "WHERE m.IS_DEFAULT = TRUE ORDER BY m.CODE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    methods.putIfAbsent(rs.getLong(1), new ShippingMethodInfo(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), true));
                }
            }
            return null;
        });
        Map<String, PlatformType> types = new HashMap<>();
        platformsQuietly().forEach(t -> types.put(t.id(), t));
        return rows.stream().map(r -> store(r, warehouses.getOrDefault(r.id(), List.of()), types.get(r.platform()),
                methods.get(r.id()))).toList();
    }

    private List<PlatformType> platformsQuietly() {
        try {
            return platforms();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Store store(Row r, List<String> warehouses, PlatformType type, ShippingMethodInfo method) {
        Map<String, String> settings = Map.of();
        Set<String> secrets = Set.of();
        boolean configured = false;
        StoreAccounts a = accounts;
        if (type != null && type.hasAccount() && a != null) {
            Optional<StoreAccounts.Account> account = a.read(type, r.code());
            if (account.isPresent()) {
                configured = true;
                settings = account.get().values();
                secrets = account.get().secretsSet();
            }
        }
        return new Store(r.code(), r.name(), r.platform(), r.enabled(), r.autoSync(), r.interval(), warehouses,
                settings, secrets, configured, r.lastCaptureAt(), r.lastCaptureError(), method);
    }

    @Override
    public Optional<Store> get(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String wanted = code.strip();
        return list().stream().filter(s -> s.code().equalsIgnoreCase(wanted)).findFirst();
    }

    // ------------------------------------------------------------------------------------------------------ writes

    /** A draft checked against the rules, with the account settings typed for Config Admin. */
    record Checked(String code, String name, PlatformType type, int interval, List<String> warehouses,
                   boolean autoSync, Map<String, Object> values, Map<String, String> secrets,
                   ShippingMethodInfo method) {
    }

    /**
     * Checks a draft as a whole; every problem is listed in one refusal. {@code existing} is the stored account on
     * edit (its secrets may be kept), null on create; {@code currentMethod} the store's default shipping method on
     * edit, or null.
     */
    Checked check(StoreDraft d, PlatformType type, StoreAccounts.Account existing, ShippingMethodInfo currentMethod,
                  Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        String code = d.code() == null ? "" : d.code().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            problems.add("the code is required");
        } else if (!CODE.matcher(code).matches()) {
            problems.add("the code '" + TextRules.visible(code) + "' must be 1-40 letters, digits, '-', '_' or '.',"
                    + " starting with a letter or digit");
        }
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty()) {
            problems.add("the name is required");
        } else if (name.length() > 200) {
            problems.add("the name is longer than 200 characters");
        } else if (TextRules.controlCharAt(name) >= 0 || TextRules.bidiControlAt(name) >= 0) {
            problems.add("the name contains control characters");
        }
        if (d.captureIntervalMinutes() < 0 || d.captureIntervalMinutes() > MAX_INTERVAL) {
            problems.add("the capture interval must be 0 (on demand only) to " + MAX_INTERVAL + " minutes, not "
                    + d.captureIntervalMinutes());
        }
        List<String> warehouses = new ArrayList<>();
        if (d.warehouses().isEmpty()) {
            problems.add("the warehouse priority list needs at least one warehouse");
        }
        Map<String, String> known = warehouseCodes(c);
        Set<String> seen = new LinkedHashSet<>();
        for (String w : d.warehouses()) {
            String wanted = w == null ? "" : w.strip().toUpperCase(Locale.ROOT);
            String stored = known.get(wanted);
            if (stored == null) {
                problems.add("unknown warehouse '" + TextRules.visible(wanted) + "' in the priority list"
                        + (known.isEmpty() ? " (no warehouse exists yet)" : " (known: "
                        + String.join(", ", known.values()) + ")"));
            } else if (!seen.add(stored)) {
                problems.add("warehouse " + stored + " is listed twice in the priority list");
            } else {
                warehouses.add(stored);
            }
        }
        SettingRules.Values checked = SettingRules.check(type.name(), type.settings(), d.settings(),
                existing == null ? Set.of() : existing.secretsSet(), existing != null, problems);
        Map<String, Object> values = checked.values();
        Map<String, String> secrets = checked.secrets();
        ShippingMethodInfo method = null;
        ShippingMethodInfo wanted = d.defaultShippingMethod();
        if (wanted != null) {
            String methodCode = wanted.code() != null && !wanted.code().isBlank() ? wanted.code().strip()
                    : currentMethod != null ? currentMethod.code() : ShippingMethodRows.DEFAULT_CODE;
            method = new ShippingMethodInfo(code, methodCode, wanted.carrierId() == null ? null
                    : wanted.carrierId().strip().toLowerCase(Locale.ROOT), wanted.serviceCode() == null || wanted.serviceCode().isBlank()
                    ? null : wanted.serviceCode().strip(), true);
            problems.addAll(ShippingMethodRows.problems(method));
        }
        if (!problems.isEmpty()) {
            throw new OperationRefusedException(INVALID, "Store " + (code.isEmpty() ? "" : code + " ")
                    + "not saved: " + String.join("; ", problems) + ".");
        }
        return new Checked(code, name, type, d.captureIntervalMinutes(), warehouses, d.autoSync(), values, secrets,
                method);
    }

    private static Map<String, String> warehouseCodes(Connection c) throws SQLException {
        Map<String, String> codes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM WB_WAREHOUSE ORDER BY CODE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                codes.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getString(1));
            }
        }
        return codes;
    }

    private StoreAccounts requireAccounts(PlatformType type) {
        StoreAccounts a = accounts;
        if (a == null && type.hasAccount()) {
            throw new OperationRefusedException("no_config_admin", "Store accounts cannot be saved now: Config Admin"
                    + " or the Metatype service is not running.");
        }
        return a;
    }

    @Override
    public Store create(StoreDraft draft, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        PlatformType type = platform(draft.platform());
        StoreAccounts a = requireAccounts(type);
        String code = Jdbc.inTransaction(ds, c -> {
            Checked k = check(draft, type, null, null, c);
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE FROM WB_STORE WHERE UPPER(CODE) = ?")) {
                ps.setString(1, k.code());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new OperationRefusedException(DUPLICATE, "A store with code '" + rs.getString(1)
                                + "' exists already.");
                    }
                }
            }
            long id = Ids.next(c);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_STORE (ID, VERSION, CODE, NAME, PLATFORM, "
                    + "CAPTURE_INTERVAL_MINUTES, ENABLED, AUTO_SYNC) VALUES (?, 1, ?, ?, ?, ?, TRUE, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, k.code());
                ps.setString(3, k.name());
                ps.setString(4, type.id());
                ps.setInt(5, k.interval());
                ps.setBoolean(6, k.autoSync());
                ps.executeUpdate();
            }
            writeWarehouses(c, id, k.warehouses());
            if (k.method() != null) {
                ShippingMethodRows.save(c, id, k.method());
            }
            audit(c, actor, "STORE_CREATED", k.code() + ": " + summary(k));
            if (type.hasAccount()) {
                a.write(type, k.code(), k.values(), k.secrets()); // last: a failure rolls the store back
            }
            return k.code();
        });
        return get(code).orElseThrow();
    }

    @Override
    public Store update(StoreDraft draft, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        Store before = get(draft.code()).orElseThrow(() -> unknown(draft.code()));
        if (draft.platform() != null && !draft.platform().isBlank()
                && !draft.platform().strip().equalsIgnoreCase(before.platform())) {
            throw new OperationRefusedException(INVALID, "Store " + before.code() + " not saved: its platform ("
                    + before.platform() + ") cannot change; create a new store for " + draft.platform().strip() + ".");
        }
        PlatformType type = platform(before.platform());
        StoreAccounts a = requireAccounts(type);
        StoreAccounts.Account existing = a == null || !type.hasAccount() ? null
                : a.read(type, before.code()).orElse(new StoreAccounts.Account(Map.of(), Set.of()));
        StoreDraft d = new StoreDraft(before.code(), draft.name(), before.platform(), draft.captureIntervalMinutes(),
                draft.warehouses(), draft.autoSync(), draft.settings(), draft.defaultShippingMethod());
        Jdbc.inTransaction(ds, c -> {
            Checked k = check(d, type, existing, before.defaultShippingMethod(), c);
            long id = storeId(c, before.code());
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_STORE SET VERSION = VERSION + 1, NAME = ?, "
                    + "CAPTURE_INTERVAL_MINUTES = ?, AUTO_SYNC = ? WHERE ID = ?")) {
                ps.setString(1, k.name());
                ps.setInt(2, k.interval());
                ps.setBoolean(3, k.autoSync());
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_STORE_WAREHOUSE WHERE STORE_ID = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            writeWarehouses(c, id, k.warehouses());
            if (k.method() != null) {
                ShippingMethodRows.save(c, id, k.method());
            }
            audit(c, actor, "STORE_UPDATED", k.code() + ": " + summary(k));
            if (type.hasAccount()) {
                a.write(type, k.code(), k.values(), k.secrets());
            }
            return null;
        });
        return get(before.code()).orElseThrow();
    }

    @Override
    public Store setEnabled(String code, boolean enabled, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        Store before = get(code).orElseThrow(() -> unknown(code));
        if (before.enabled() != enabled) {
            Jdbc.inTransaction(ds, c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE WB_STORE SET VERSION = VERSION + 1, ENABLED = ? WHERE CODE = ?")) {
                    ps.setBoolean(1, enabled);
                    ps.setString(2, before.code());
                    ps.executeUpdate();
                }
                audit(c, actor, enabled ? "STORE_ENABLED" : "STORE_DISABLED", before.code()
                        + (enabled ? ": captured and synced again" : ": no capture, sync jobs wait"));
                return null;
            });
        }
        return get(before.code()).orElseThrow();
    }

    @Override
    public void delete(String code, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        Store before = get(code).orElseThrow(() -> unknown(code));
        PlatformType type = platformsQuietly().stream().filter(t -> t.id().equals(before.platform())).findFirst()
                .orElse(null);
        Jdbc.inTransaction(ds, c -> {
            long id = storeId(c, before.code());
            long orders = count(c, "SELECT COUNT(*) FROM WB_ORDER WHERE STORE_ID = ?", id);
            if (orders > 0) {
                long packages = count(c, "SELECT COUNT(*) FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID "
                        + "WHERE o.STORE_ID = ?", id);
                throw new OperationRefusedException(IN_USE, "Store " + before.code() + " cannot be deleted: it has "
                        + packages + (packages == 1 ? " package" : " packages") + " (" + orders
                        + (orders == 1 ? " order" : " orders") + "), whose history stays. Disable it instead: "
                        + "a disabled store is neither captured nor synced.");
            }
            for (String table : List.of("WB_STORE_WAREHOUSE", "WB_SHIPPING_METHOD", "WB_SKU_ALIAS", "WB_SYNC_JOB")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE STORE_ID = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM WB_STORE WHERE ID = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            audit(c, actor, "STORE_DELETED", before.code() + ": " + before.name() + ", platform " + before.platform()
                    + " (no orders)");
            StoreAccounts a = accounts;
            if (type != null && type.hasAccount() && a != null) {
                a.delete(type, before.code()); // last: a failure rolls the store back
            }
            return null;
        });
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public ConnectionTest testConnection(String code, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        Store store = get(code).orElseThrow(() -> unknown(code));
        PlatformType type = platformsQuietly().stream().filter(t -> t.id().equals(store.platform())).findFirst()
                .orElse(null);
        if (type != null && type.hasAccount() && !store.accountConfigured()) {
            return new ConnectionTest(false, ConnectionTest.NOT_CONFIGURED, List.of(store.code(), type.name()), null);
        }
        PluginRegistryImpl registry = plugins;
        Optional<MarketplaceConnector> connector = registry == null ? Optional.empty()
                : registry.platform(store.platform(), store.code());
        if (connector.isEmpty()) {
            return type == null
                    ? new ConnectionTest(false, ConnectionTest.NO_PLUGIN, List.of(store.code(), store.platform()), null)
                    : new ConnectionTest(false, type.hasAccount() ? ConnectionTest.NO_CONNECTOR
                    : ConnectionTest.NO_CONNECTION, List.of(store.code(), type.name()), null);
        }
        Result<String> r = PluginCalls.guarded("the " + store.platform() + " plugin",
                () -> connector.get().testConnection(new StoreContext(store.code(), Map.of())));
        if (r.isOk()) {
            return new ConnectionTest(true, ConnectionTest.OK, List.of(store.code()), r.value());
        }
        Message first = r.messages().stream().filter(m -> m.severity() == Message.Severity.ERROR).findFirst()
                .orElse(r.messages().isEmpty() ? Message.error("plugin_error", "no answer") : r.messages().get(0));
        String text = String.join(" ", r.messages().stream().filter(m -> m.severity() == Message.Severity.ERROR)
                .map(Message::text).toList());
        return new ConnectionTest(false, first.code(), List.of(store.code()), text.isBlank() ? first.text() : text);
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private static OperationRefusedException unknown(String code) {
        return new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, code == null ? "" : code.strip()));
    }

    private static long storeId(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM WB_STORE WHERE CODE = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw unknown(code);
                }
                return rs.getLong(1);
            }
        }
    }

    private static void writeWarehouses(Connection c, long storeId, List<String> codes) throws SQLException {
        int priority = 1;
        for (String w : codes) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO WB_STORE_WAREHOUSE (STORE_ID, WAREHOUSE_ID, "
                    + "PRIORITY) SELECT ?, ID, ? FROM WB_WAREHOUSE WHERE CODE = ?")) {
                ps.setLong(1, storeId);
                ps.setInt(2, priority++);
                ps.setString(3, w);
                ps.executeUpdate();
            }
        }
    }

    /** What an audit line says about a store: never a secret value, only which secrets were replaced. */
    private static String summary(Checked k) {
        List<String> settings = new ArrayList<>();
        k.values().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> settings.add(e.getKey() + "=" + (e.getValue() == null ? "(default)" : e.getValue())));
        k.secrets().keySet().stream().sorted(Comparator.naturalOrder()).forEach(s -> settings.add(s + "=(new secret)"));
        return k.name() + ", platform " + k.type().id() + ", capture every " + k.interval() + " min, warehouses "
                + String.join(">", k.warehouses()) + ", auto-sync " + (k.autoSync() ? "on" : "off")
                + (k.method() == null ? "" : ", default shipping method " + k.method().code() + " -> "
                + k.method().carrierId() + (k.method().serviceCode() == null ? "" : "/" + k.method().serviceCode()))
                + (settings.isEmpty() ? "" : ", settings " + String.join(", ", settings));
    }

    private static void audit(Connection c, String actor, String action, String reason) throws SQLException {
        Jdbc.audit(c, null, null, actor == null || actor.isBlank() ? "system" : actor.strip(), Instant.now(), action,
                null, null, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    }
}
