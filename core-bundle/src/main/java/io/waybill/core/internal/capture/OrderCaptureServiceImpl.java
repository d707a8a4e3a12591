package io.waybill.core.internal.capture;

import io.waybill.core.api.Permission;
import io.waybill.core.internal.plugin.PluginCalls;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.OrderCaptureService;
import io.waybill.core.api.PrintService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.lifecycle.EditGate;
import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.rulestore.RuleApplier;
import io.waybill.core.model.CaptureResult;
import io.waybill.core.model.ImportPreview;
import io.waybill.core.model.OrderCheck;
import io.waybill.core.model.Reason;
import io.waybill.core.model.RowError;
import io.waybill.spi.common.Address;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.OrderFileParser;
import io.waybill.spi.platform.OrderPage;
import io.waybill.spi.platform.ParsedOrderFile;
import io.waybill.spi.platform.PlatformOrder;
import io.waybill.spi.platform.StoreContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Order capture from connectors, files and the manual order form: validates, then writes through
 * {@link OrderWriter}. File imports are two-step (preview, then confirm) and the confirmed import is one
 * transaction, so a file is imported completely or not at all.
 */
@Component(service = {OrderCaptureService.class, OrderCaptureServiceImpl.class})
public class OrderCaptureServiceImpl implements OrderCaptureService {
    /** Who may call what: checked first in every method that changes data. */
    private volatile Authorizer authorizer;

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }
    /** Asked which characters a label cannot print; absent (waybill-print not installed): nothing is checked. */
    private volatile PrintService print;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setPrint(PrintService print) {
        this.print = print;
    }

    void unsetPrint(PrintService print) {
        if (this.print == print) {
            this.print = null;
        }
    }

    /** The label check of the installed print service, or every character accepted when there is none. */
    OrderValidator.Printable printable() {
        PrintService current = print;
        return current == null ? OrderValidator.Printable.ANY : current::unprintable;
    }
    private static final Logger LOG = LoggerFactory.getLogger(OrderCaptureServiceImpl.class);
    static final Duration PREVIEW_TTL = Duration.ofMinutes(30);
    static final int MAX_PAGES_PER_RUN = 200;
    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private record Preview(String storeCode, String fileName, List<ParsedOrderFile.ParsedOrder> orders,
                           Instant created) {
    }

    private record Store(long id, String code, String platform, String cursor) {
    }

    private final DataSource ds;
    private final PluginRegistryImpl plugins;
    private final Clock clock;
    private final Map<String, Preview> previews = new ConcurrentHashMap<>();
    /** The logistics rules, with the carriers' service limits (SPI carrier 1.2) of the installed plugins. */
    private final RuleApplier rules;

    @Activate
    public OrderCaptureServiceImpl(@Reference Database db, @Reference PluginRegistryImpl plugins) {
        this(db.dataSource(), plugins, Clock.systemUTC());
    }

    OrderCaptureServiceImpl(DataSource ds, PluginRegistryImpl plugins, Clock clock) {
        this.ds = ds;
        this.plugins = plugins;
        this.clock = clock;
        this.rules = new RuleApplier(id -> plugins == null ? java.util.Optional.empty() : plugins.carrier(id));
    }

    @Override
    public CaptureResult capture(String storeCode, List<PlatformOrder> orders, String actor) {
        authorizer.require(actor, Permission.IMPORT_ORDERS);
        return Jdbc.inTransaction(ds, c -> capture(c, storeCode, orders, actor(actor), false));
    }

    /** Validates and writes in the caller's transaction; with allOrNothing any rejected order rolls it back. */
    private CaptureResult capture(Connection c, String storeCode, List<PlatformOrder> orders, String actor,
                                  boolean allOrNothing) throws SQLException {
        Store store = store(c, storeCode);
        Map<String, OrderWriter.Sku> skus = OrderWriter.loadSkus(c);
        Map<String, String> aliases = OrderWriter.loadAliases(c, store.id());
        List<RowError> rejected = new ArrayList<>();
        List<PlatformOrder> valid = new ArrayList<>();
        for (PlatformOrder o : orders) {
            // an unknown SKU is not refused: the writer holds the order in SKU_UNMATCHED until it is mapped
            List<OrderValidator.Problem> problems = new ArrayList<>(OrderValidator.validate(o, null, printable()));
            if (problems.isEmpty()) {
                valid.add(o);
            } else {
                String orderNo = o.orderNo() == null ? "?" : o.orderNo();
                problems.forEach(p -> rejected.add(new RowError(0, Reason.of(Reason.CAPTURE_ORDER_FIELD, orderNo,
                        p.field()), p.structured())));
            }
        }
        if (allOrNothing && !rejected.isEmpty()) {
            throw new OperationRefusedException("import_invalid", "Nothing was imported: " + rejected.size()
                    + " problem(s) appeared since the preview, e.g. " + rejected.get(0).column() + " "
                    + rejected.get(0).reason() + ". Upload the file again.");
        }
        Instant now = clock.instant();
        OrderWriter writer = new OrderWriter(c, skus, actor, now);
        OrderWriter.Counts counts = writer.write(store.id(), valid);
        // the logistics rules decide for every new package in the capture's own transaction
        rules.applyToNew(c, writer.createdWaiting(), actor, now);
        return new CaptureResult(counts.created(), counts.updated(), counts.unchanged(), counts.flagged(), rejected);
    }

    @Override
    public List<OrderCheck.Problem> check(String storeCode, PlatformOrder order) {
        return Jdbc.inTransaction(ds, c -> {
            Store store = store(c, storeCode);
            Map<String, OrderWriter.Sku> skus = OrderWriter.loadSkus(c);
            Map<String, String> aliases = OrderWriter.loadAliases(c, store.id());
            Set<String> known = new java.util.HashSet<>(skus.keySet());
            aliases.forEach((platformSku, code) -> {
                if (skus.containsKey(code)) {
                    known.add(platformSku);
                }
            });
            List<OrderValidator.Problem> problems = new ArrayList<>(OrderValidator.validate(order, known,
                    printable()));
            problems.addAll(OrderValidator.validateContact(order.shipTo()));
            problems.addAll(OrderValidator.validateWeight(OrderWriter.expectedWeight(order, skus, aliases)));
            return problems.stream().map(p -> new OrderCheck.Problem(p.field(), p.line(), p.code(), p.value(),
                    p.reason(), p.structured())).toList();
        });
    }

    @Override
    public OrderCheck.AddressRules addressRules(String countryCode) {
        return new OrderCheck.AddressRules(OrderValidator.postalCodeRequired(countryCode),
                OrderValidator.stateRequired(countryCode), OrderValidator.MAX_PARCEL_GRAMS);
    }

    @Override
    public void updateAddress(long packageId, Address address, String actor) {
        authorizer.require(actor, Permission.EDIT_ADDRESS);
        List<OrderValidator.Problem> problems = OrderValidator.validateAddress(address, printable());
        if (!problems.isEmpty()) {
            List<String> params = new ArrayList<>();
            for (OrderValidator.Problem p : problems) {
                params.add(p.field());
                params.add(Reason.encode(List.of(p.structured())));
            }
            throw new OperationRefusedException(new Reason(Reason.INVALID_ADDRESS, params));
        }
        Address a = OrderWriter.clean(address);
        String who = actor(actor);
        Jdbc.inTransaction(ds, c -> {
            // the one status rule of edits before upload (PackageLifecycle), the row locked until commit
            EditGate.Editable pkg = EditGate.lock(c, packageId, PackageLifecycle.EDIT_SHIP_TO);
            String status = pkg.status().name();
            long orderId;
            Address before;
            try (PreparedStatement ps = c.prepareStatement("SELECT o.ID, o.BUYER_NAME, o.COMPANY, o.LINE1, "
                    + "o.LINE2, o.CITY, o.STATE, o.POSTAL_CODE, o.COUNTRY_CODE, o.PHONE, o.EMAIL FROM WB_PACKAGE p "
                    + "JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE p.ID = ?")) {
                ps.setLong(1, packageId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new OperationRefusedException("not_found", "There is no package with id " + packageId
                                + ".");
                    }
                    orderId = rs.getLong(1);
                    before = new Address(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11));
                }
            }
            List<String> changed = changedFields(OrderWriter.clean(before), a);
            if (changed.isEmpty()) {
                return null;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE WB_ORDER SET BUYER_NAME = ?, COMPANY = ?, "
                    + "LINE1 = ?, LINE2 = ?, CITY = ?, STATE = ?, POSTAL_CODE = ?, COUNTRY_CODE = ?, PHONE = ?, "
                    + "EMAIL = ?, UPDATED_AT = ?, VERSION = VERSION + 1 WHERE ID = ?")) {
                String[] v = {a.name(), a.company(), a.line1(), a.line2(), a.city(), a.state(), a.postalCode(),
                        a.countryCode(), a.phone(), a.email()};
                for (int i = 0; i < v.length; i++) {
                    ps.setString(i + 1, v[i]);
                }
                ps.setTimestamp(11, Timestamp.from(clock.instant()));
                ps.setLong(12, orderId);
                ps.executeUpdate();
            }
            // the audit names the changed fields, not their values (the log is insert-only and kept for years)
            Jdbc.audit(c, packageId, orderId, who, clock.instant(), "ADDRESS_CHANGED", status, status,
                    new io.waybill.core.model.Reason(Reason.ADDRESS_CORRECTED, changed));
            return null;
        });
    }

    /** The address fields that differ, as {@code Reason} field keys (buyer_name, address1, ..., email). */
    static List<String> changedFields(Address was, Address now) {
        List<String> changed = new ArrayList<>();
        String[] names = {"buyer_name", "company", "address1", "address2", "city", "state", "postal_code", "country",
                "phone", "email"};
        String[] a = {was.name(), was.company(), was.line1(), was.line2(), was.city(), was.state(), was.postalCode(),
                was.countryCode(), was.phone(), was.email()};
        String[] b = {now.name(), now.company(), now.line1(), now.line2(), now.city(), now.state(), now.postalCode(),
                now.countryCode(), now.phone(), now.email()};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(a[i], b[i])) {
                changed.add(names[i]);
            }
        }
        return changed;
    }

    @Override
    public CaptureResult captureNow(String storeCode, String actor) {
        authorizer.require(actor, Permission.IMPORT_ORDERS);
        return captureFromMarketplace(storeCode, actor);
    }

    /** The scheduler's capture: the container's own timer, no user. */
    CaptureResult captureScheduled(String storeCode) {
        return captureFromMarketplace(storeCode, "scheduler");
    }

    private CaptureResult captureFromMarketplace(String storeCode, String actor) {
        Store store = Jdbc.inTransaction(ds, c -> {
            Store found = store(c, storeCode);
            try (PreparedStatement ps = c.prepareStatement("SELECT ENABLED FROM WB_STORE WHERE ID = ?")) {
                ps.setLong(1, found.id());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && !rs.getBoolean(1)) {
                        throw new OperationRefusedException("store_disabled", "Store " + found.code()
                                + " is disabled, so it is not captured. Enable it first.");
                    }
                }
            }
            return found;
        });
        MarketplaceConnector connector = plugins.platform(store.platform(), store.code()).orElseThrow(() ->
                new OperationRefusedException("no_connector", "No marketplace plugin for platform '"
                        + store.platform() + "' is installed, so store " + store.code() + " cannot be captured."));
        String cursor = store.cursor();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int flagged = 0;
        List<RowError> rejected = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
            Result<OrderPage> result = call(connector, store, cursor);
            if (!result.isOk()) {
                String error = result.messages().stream().map(m -> m.code() + ": " + m.text())
                        .collect(Collectors.joining("; "));
                recordCapture(store.id(), null, error);
                throw new OperationRefusedException("capture_failed",
                        "Capture of store " + store.code() + " failed: " + error);
            }
            OrderPage p = result.value();
            CaptureResult saved = capture(store.code(), p.orders(), actor);
            recordCapture(store.id(), p.nextCursor(), null);
            cursor = p.nextCursor();
            created += saved.created();
            updated += saved.updated();
            unchanged += saved.unchanged();
            flagged += saved.flagged();
            rejected.addAll(saved.rejected());
            if (!p.hasMore()) {
                break;
            }
        }
        LOG.info("Captured store {}: {} new, {} updated, {} flagged, {} rejected", store.code(), created, updated,
                flagged, rejected.size());
        return new CaptureResult(created, updated, unchanged, flagged, rejected);
    }

    private static Result<OrderPage> call(MarketplaceConnector connector, Store store, String cursor) {
        return PluginCalls.guarded("the plugin", () -> connector.fetchOrders(new StoreContext(store.code(), Map.of()),
                cursor));
    }

    @Override
    public ImportPreview previewImport(String storeCode, String fileName, byte[] content) {
        expirePreviews();
        String name = fileName == null ? "" : fileName.strip();
        if (content == null || content.length == 0) {
            throw unreadable(Reason.of(Reason.FILE_EMPTY));
        }
        if (content.length > MAX_FILE_BYTES) {
            throw unreadable(Reason.of(Reason.FILE_SIZE, String.format(Locale.ROOT, "%.1f",
                    content.length / (1024.0 * 1024.0)), MAX_FILE_BYTES / (1024 * 1024)));
        }
        Jdbc.inTransaction(ds, c -> store(c, storeCode));
        List<OrderFileParser> parsers = plugins.fileParsersFor(name);
        if (parsers.isEmpty()) {
            throw unreadable(Reason.of(Reason.FILE_NO_PARSER, name));
        }
        Result<ParsedOrderFile> parsed;
        try {
            parsed = parsers.get(0).parse(name, content);
        } catch (RuntimeException e) {
            parsed = Result.failure(Message.error("parse_error", "the file plugin failed: " + e, name,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        if (parsed == null) {
            throw unreadable(Reason.of(Reason.FILE_PLUGIN_ERROR, name, "null"));
        }
        if (!parsed.isOk()) {
            throw unreadable(fileProblem(parsed.messages()));
        }
        ParsedOrderFile file = parsed.value();
        List<RowError> errors = new ArrayList<>();
        file.problems().forEach(p -> errors.add(rowError(p)));
        Map<String, OrderWriter.Sku> knownSkus = Jdbc.inTransaction(ds, c -> OrderWriter.loadSkus(c));
        Map<String, String> aliases = Jdbc.inTransaction(ds, c -> OrderWriter.loadAliases(c,
                store(c, storeCode).id()));
        OrderValidator.Printable printable = printable();
        List<ParsedOrderFile.ParsedOrder> checked = new ArrayList<>();
        List<RowError> held = new ArrayList<>();
        for (ParsedOrderFile.ParsedOrder po : file.orders()) {
            List<OrderValidator.Problem> problems = new ArrayList<>(OrderValidator.validate(po.order(), null,
                    printable));
            if (problems.isEmpty()) {
                checked.add(po);
                List<PlatformOrder.Line> lines = po.order().lines();
                for (int i = 0; i < lines.size(); i++) {
                    if (OrderWriter.resolve(lines.get(i).sku(), knownSkus, aliases) == null) {
                        int row = lines.size() == po.rows().size() ? po.rows().get(i)
                                : po.rows().isEmpty() ? 0 : po.rows().get(0);
                        held.add(new RowError(row, "sku", Reason.of(Reason.ORDER_SKU_HELD,
                                lines.get(i).sku().strip(), po.order().orderNo())));
                    }
                }
                continue;
            }
            for (OrderValidator.Problem p : problems) {
                errors.add(new RowError(rowFor(po, p), p.field(), p.structured()));
            }
        }
        // orders that would collapse into another one when written (capture is idempotent on the platform id)
        OrderConflicts.Found conflicts = Jdbc.inTransaction(ds, c -> {
            Store store = store(c, storeCode);
            return OrderConflicts.check(c, store.id(), store.code(), checked);
        });
        errors.addAll(conflicts.errors());
        List<ParsedOrderFile.ParsedOrder> valid = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            if (!conflicts.refused().contains(i)) {
                valid.add(checked.get(i));
            }
        }
        errors.sort(Comparator.comparingInt(RowError::row).thenComparing(RowError::column));
        String id = UUID.randomUUID().toString();
        previews.put(id, new Preview(storeCode, name, List.copyOf(valid), clock.instant()));
        return new ImportPreview(id, name, storeCode, file.dataRows(), valid.size(), conflicts.existing().size(),
                errors, held);
    }

    /** An order file refused as a whole, with why. */
    private static OperationRefusedException unreadable(Reason why) {
        return new OperationRefusedException(Reason.nesting(Reason.UNREADABLE_FILE, why));
    }

    /**
     * Why the file plugin could not read a file: as data when its ERROR message says why with a code and params this
     * version knows (SPI platform 1.7), else the plugin's own words ({@link Reason#FILE_PLUGIN}, also for several
     * errors or a failure without any).
     */
    static Reason fileProblem(List<Message> messages) {
        List<Message> errors = messages.stream().filter(m -> m.severity() == Message.Severity.ERROR).toList();
        if (errors.size() == 1) {
            Reason why = Reason.ofFile(errors.get(0).code(), errors.get(0).params());
            if (why != null) {
                return why;
            }
        }
        String words = errors.stream().map(Message::text).collect(Collectors.joining("; "));
        return Reason.of(Reason.FILE_PLUGIN, words.isBlank() ? "no reason given" : words);
    }

    /**
     * A row problem of the file plugin: as data when it says why with a code this version knows (SPI platform 1.5),
     * with what it left out because of it; its English text is the plugin's own either way.
     */
    static RowError rowError(ParsedOrderFile.Problem p) {
        Reason why = Reason.ofFileRow(p.code(), p.params());
        if (why != null && p.leftOut() != null) {
            why = Reason.leftOut(why, p.leftOut().orderNo(), p.leftOut().rows());
        }
        return new RowError(p.row(), p.column(), p.reason(), why);
    }

    /** Points a problem at the file row of the offending line where the problem names a SKU. */
    private static int rowFor(ParsedOrderFile.ParsedOrder po, OrderValidator.Problem p) {
        List<PlatformOrder.Line> lines = po.order().lines();
        if (p.line() >= 0 && lines.size() == po.rows().size() && p.line() < lines.size()) {
            return po.rows().get(p.line());
        }
        if ((p.field().equals("sku") || p.field().equals("quantity")) && lines.size() == po.rows().size()) {
            for (int i = 0; i < lines.size(); i++) {
                String sku = lines.get(i).sku() == null ? "" : lines.get(i).sku().strip();
                if ((!sku.isEmpty() && p.reason().contains("'" + sku + "'"))
                        || (p.field().equals("quantity") && p.reason().contains(" " + lines.get(i).quantity()))) {
                    return po.rows().get(i);
                }
            }
        }
        return po.rows().isEmpty() ? 0 : po.rows().get(0);
    }

    @Override
    public CaptureResult confirmImport(String previewId, String actor) {
        authorizer.require(actor, Permission.IMPORT_ORDERS);
        expirePreviews();
        Preview p = previewId == null ? null : previews.remove(previewId);
        if (p == null) {
            throw new OperationRefusedException("unknown_preview",
                    "This import preview has expired or was already used; upload the file again.");
        }
        CaptureResult result = Jdbc.inTransaction(ds, c -> {
            Store store = store(c, p.storeCode());
            // orders stored since the preview may now clash with the file's: then nothing is imported
            List<RowError> conflicts = OrderConflicts.check(c, store.id(), store.code(), p.orders()).errors();
            if (!conflicts.isEmpty()) {
                RowError e = conflicts.get(0);
                throw new OperationRefusedException("import_conflict", "Nothing was imported: " + conflicts.size()
                        + " order(s) clash with orders captured since the preview, e.g. row " + e.row() + ", "
                        + e.column() + ": " + e.reason() + ". Upload the file again.");
            }
            List<PlatformOrder> orders = p.orders().stream().map(ParsedOrderFile.ParsedOrder::order).toList();
            CaptureResult r = capture(c, p.storeCode(), orders, actor(actor), true);
            int written = r.created() + r.updated() + r.unchanged() + r.flagged();
            if (written != orders.size()) {
                // never report more valid orders than were written: roll the whole import back instead
                throw new OperationRefusedException("import_count_mismatch", "Nothing was imported: the preview"
                        + " counted " + orders.size() + " valid orders but writing them accounted for " + written
                        + ". Upload the file again; if this repeats, report it with the file.");
            }
            return r;
        });
        LOG.info("Imported {} from {}: {} new, {} updated", p.fileName(), p.storeCode(), result.created(),
                result.updated());
        return result;
    }

    @Override
    public void discardImport(String previewId) {
        if (previewId != null) {
            previews.remove(previewId);
        }
    }

    private void expirePreviews() {
        Instant limit = clock.instant().minus(PREVIEW_TTL);
        previews.values().removeIf(p -> p.created().isBefore(limit));
    }

    private void recordCapture(long storeId, String cursor, String error) {
        Jdbc.inTransaction(ds, c -> {
            String sql = error == null
                    ? "UPDATE WB_STORE SET ORDER_CURSOR = ?, LAST_CAPTURE_AT = ?, LAST_CAPTURE_ERROR = NULL, "
                    + "VERSION = VERSION + 1 WHERE ID = ?"
                    : "UPDATE WB_STORE SET LAST_CAPTURE_ERROR = ?, LAST_CAPTURE_AT = ?, VERSION = VERSION + 1 "
                    + "WHERE ID = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, error == null ? cursor : error.length() > 1000 ? error.substring(0, 1000) : error);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setLong(3, storeId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Enabled stores whose platform has a connector and whose capture interval has passed. */
    List<String> storesDue() {
        Instant now = clock.instant();
        return Jdbc.inTransaction(ds, c -> {
            List<String> due = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT CODE, PLATFORM, LAST_CAPTURE_AT, CAPTURE_INTERVAL_MINUTES FROM WB_STORE WHERE ENABLED = TRUE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(3);
                    int minutes = rs.getInt(4);
                    boolean intervalPassed = minutes > 0 && (last == null
                            || last.toInstant().plus(Duration.ofMinutes(minutes)).isBefore(now));
                    if (intervalPassed && plugins.platform(rs.getString(2), rs.getString(1)).isPresent()) {
                        due.add(rs.getString(1));
                    }
                }
            }
            return due;
        });
    }

    private static Store store(Connection c, String code) throws SQLException {
        if (code == null || code.isBlank()) {
            throw new OperationRefusedException(Reason.of(Reason.STORE_REQUIRED));
        }
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT ID, CODE, PLATFORM, ORDER_CURSOR FROM WB_STORE WHERE CODE = ?")) {
            ps.setString(1, code.strip());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_STORE, code.strip()));
                }
                return new Store(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        }
    }

    private static String actor(String actor) {
        return actor == null || actor.isBlank() ? "system" : actor.strip();
    }

}
