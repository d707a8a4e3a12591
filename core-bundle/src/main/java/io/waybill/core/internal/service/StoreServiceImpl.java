package io.waybill.core.internal.service;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.StoreService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.StoreEntity;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.internal.store.StoreAccounts;
import io.waybill.core.internal.persistence.Ids;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.workflow.TextRules;
import io.waybill.core.model.ConnectionTest;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.SettingField;
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
import java.math.BigDecimal;
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
        Map<String, PlatformType> types = new TreeMap<>();
        StoreAccounts a = accounts;
        if (a != null) {
            a.platforms().forEach(t -> types.put(t.id(), t));
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
            return null;
        });
        Map<String, PlatformType> types = new HashMap<>();
        platformsQuietly().forEach(t -> types.put(t.id(), t));
        return rows.stream().map(r -> store(r, warehouses.getOrDefault(r.id(), List.of()), types.get(r.platform())))
                .toList();
    }

    private List<PlatformType> platformsQuietly() {
        try {
            return platforms();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private Store store(Row r, List<String> warehouses, PlatformType type) {
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
                settings, secrets, configured, r.lastCaptureAt(), r.lastCaptureError());
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
                   boolean autoSync, Map<String, Object> values, Map<String, String> secrets) {
    }

    /**
     * Checks a draft as a whole; every problem is listed in one refusal. {@code existing} is the stored account on
     * edit (its secrets may be kept), null on create.
     */
    Checked check(StoreDraft d, PlatformType type, StoreAccounts.Account existing, Connection c) throws SQLException {
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
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, SettingField> fields = new LinkedHashMap<>();
        type.settings().forEach(f -> fields.put(f.id(), f));
        for (String id : d.settings().keySet()) {
            if (!fields.containsKey(id)) {
                problems.add("the " + type.name() + " plugin has no setting '" + TextRules.visible(id) + "'"
                        + (fields.isEmpty() ? "" : " (settings: " + String.join(", ", fields.keySet()) + ")"));
            }
        }
        for (SettingField f : fields.values()) {
            String raw = d.settings().get(f.id());
            String text = raw == null ? "" : raw.strip();
            if (f.secret()) {
                boolean stored = existing != null && existing.secretsSet().contains(f.id());
                if (!text.isEmpty()) {
                    if (TextRules.controlCharAt(text) >= 0) {
                        problems.add("setting '" + f.name() + "' contains control characters");
                    } else {
                        secrets.put(f.id(), text);
                    }
                } else if (f.required() && !stored) {
                    problems.add("the required setting '" + f.name() + "' (" + f.id() + ") is missing");
                }
                continue;
            }
            if (text.isEmpty()) {
                if (f.required() && (f.defaultValue() == null || f.defaultValue().isBlank())) {
                    problems.add("the required setting '" + f.name() + "' (" + f.id() + ") is missing");
                }
                if (existing != null || raw != null) {
                    values.put(f.id(), f.defaultValue() == null || f.defaultValue().isBlank() ? null
                            : typed(f, f.defaultValue(), problems));
                }
                continue;
            }
            if (!f.options().isEmpty() && !f.options().contains(text)) {
                problems.add("setting '" + f.name() + "' must be one of " + String.join(", ", f.options()));
                continue;
            }
            Object v = typed(f, text, problems);
            if (v != null) {
                values.put(f.id(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw new OperationRefusedException(INVALID, "Store " + (code.isEmpty() ? "" : code + " ")
                    + "not saved: " + String.join("; ", problems) + ".");
        }
        return new Checked(code, name, type, d.captureIntervalMinutes(), warehouses, d.autoSync(), values, secrets);
    }

    private static Object typed(SettingField f, String text, List<String> problems) {
        try {
            return switch (f.type()) {
                case INTEGER -> Integer.valueOf(text);
                case DECIMAL -> new BigDecimal(text).doubleValue();
                case BOOLEAN -> {
                    String t = text.toLowerCase(Locale.ROOT);
                    if (!t.equals("true") && !t.equals("false")) {
                        problems.add("setting '" + f.name() + "' must be true or false, not '" + TextRules.visible(text)
                                + "'");
                        yield null;
                    }
                    yield Boolean.valueOf(t);
                }
                case TEXT, PASSWORD -> {
                    if (TextRules.controlCharAt(text) >= 0) {
                        problems.add("setting '" + f.name() + "' contains control characters");
                        yield null;
                    }
                    yield text;
                }
            };
        } catch (NumberFormatException e) {
            problems.add("setting '" + f.name() + "' must be a " + (f.type() == SettingField.Type.INTEGER
                    ? "whole number" : "number") + ", not '" + TextRules.visible(text) + "'");
            return null;
        }
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
            Checked k = check(draft, type, null, c);
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
                draft.warehouses(), draft.autoSync(), draft.settings());
        Jdbc.inTransaction(ds, c -> {
            Checked k = check(d, type, existing, c);
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
    public ConnectionTest testConnection(String code, String actor) {
        authorizer.require(actor, Permission.MANAGE_STORES);
        Store store = get(code).orElseThrow(() -> unknown(code));
        PlatformType type = platformsQuietly().stream().filter(t -> t.id().equals(store.platform())).findFirst()
                .orElse(null);
        if (type != null && type.hasAccount() && !store.accountConfigured()) {
            return new ConnectionTest(false, "not_configured", "Store " + store.code() + " has no " + type.name()
                    + " account yet: fill in its settings first.");
        }
        PluginRegistryImpl registry = plugins;
        Optional<MarketplaceConnector> connector = registry == null ? Optional.empty()
                : registry.platform(store.platform(), store.code());
        if (connector.isEmpty()) {
            return new ConnectionTest(false, "no_connector", type == null
                    ? "No plugin for platform '" + store.platform() + "' is installed."
                    : type.hasAccount() ? "The " + type.name() + " plugin has not started a connection for store "
                    + store.code() + ": its settings are not usable yet (see the Karaf log) or the plugin is stopped."
                    : "Platform " + type.name() + " has no connection to test (orders come as files).");
        }
        Result<String> r = PluginCalls.guarded("the " + store.platform() + " plugin",
                () -> connector.get().testConnection(new StoreContext(store.code(), Map.of())));
        if (r.isOk()) {
            return new ConnectionTest(true, null, r.value());
        }
        Message first = r.messages().stream().filter(m -> m.severity() == Message.Severity.ERROR).findFirst()
                .orElse(r.messages().isEmpty() ? Message.error("plugin_error", "no answer") : r.messages().get(0));
        String text = String.join(" ", r.messages().stream().filter(m -> m.severity() == Message.Severity.ERROR)
                .map(Message::text).toList());
        return new ConnectionTest(false, first.code(), text.isBlank() ? first.text() : text);
    }

    // ----------------------------------------------------------------------------------------------------- helpers

    private static OperationRefusedException unknown(String code) {
        return new OperationRefusedException(UNKNOWN, "Unknown store '" + (code == null ? "" : code.strip()) + "'.");
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
                + (settings.isEmpty() ? "" : ", settings " + String.join(", ", settings));
    }

    private static void audit(Connection c, String actor, String action, String reason) throws SQLException {
        Jdbc.audit(c, null, null, actor == null || actor.isBlank() ? "system" : actor.strip(), Instant.now(), action,
                null, null, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
    }
}
