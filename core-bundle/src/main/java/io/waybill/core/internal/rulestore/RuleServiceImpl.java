package io.waybill.core.internal.rulestore;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.Permission;
import io.waybill.core.api.ProductService;
import io.waybill.core.api.RuleService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.plugin.PluginRegistryImpl;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageHold;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;
import io.waybill.core.internal.rules.Evaluation;
import io.waybill.core.internal.rules.InvalidRuleException;
import io.waybill.core.internal.rules.Rule;
import io.waybill.core.internal.rules.RuleEngine;
import io.waybill.core.internal.rules.RuleText;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.RuleDryRun;
import io.waybill.core.model.ServiceQuote;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.carrier.CarrierQuote;
import io.waybill.spi.carrier.CarrierService;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.Result;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link RuleService}: permission, then the {@link RuleStore} (the one writer); the dry run and the carrier quotes read
 * each package as the real run does ({@link RuleApplier#evaluate}, {@link RuleApplier#parcel}: a merged parcel is all
 * its orders) and ask the {@link RuleEngine} or the carriers, writing nothing.
 */
@Component(service = RuleService.class)
public class RuleServiceImpl implements RuleService {

    /** Packages re-applied in one transaction. */
    static final int CHUNK = 500;
    /** Release: held back to waiting, the hold's reason cleared. */
    private static final StatusGate RELEASE = StatusGate.to(PackageStatus.WAITING).from(PackageStatus.HELD)
            .set("HOLD_REASON = NULL, HOLD_RULE = NULL, UPDATED_AT = ?");
    /** The installed carrier plugins (their services' limits); absent in tests without plugins. */
    private volatile PluginRegistryImpl plugins;
    private final RuleApplier applier = new RuleApplier(id -> {
        PluginRegistryImpl registry = plugins;
        return registry == null ? Optional.empty() : registry.carrier(id);
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void setPlugins(PluginRegistryImpl plugins) {
        this.plugins = plugins;
    }

    public void unsetPlugins(PluginRegistryImpl plugins) {
        if (this.plugins == plugins) {
            this.plugins = null;
        }
    }

    private final RuleStore store;
    private final PackageService packages;
    private final ProductService products;
    private final Clock clock;
    private volatile Authorizer authorizer;

    @Activate
    public RuleServiceImpl(@Reference Database db, @Reference PackageService packages,
                           @Reference ProductService products) {
        this(new RuleStore(db.dataSource(), Clock.systemUTC()), packages, products, Clock.systemUTC());
    }

    public RuleServiceImpl(RuleStore store, PackageService packages, ProductService products, Clock clock) {
        this.store = store;
        this.packages = packages;
        this.products = products;
        this.clock = clock;
    }

    @Reference
    public void setAuthorizer(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public List<LogisticsRule> list(String user) {
        return view(store.list());
    }

    @Override
    public LogisticsRule add(String name, boolean enabled, List<String> conditions, List<String> actions,
                             String user) {
        authorizer.require(user, Permission.SET_SHIPPING_METHOD);
        Rule r = refusing(() -> store.add(name, enabled, String.join("\n", conditions == null ? List.of() : conditions),
                String.join("\n", actions == null ? List.of() : actions), user));
        return view(store.list()).stream().filter(v -> v.id() == r.id()).findFirst().orElseThrow();
    }

    @Override
    public LogisticsRule update(long id, String name, boolean enabled, List<String> conditions, List<String> actions,
                                String user) {
        authorizer.require(user, Permission.SET_SHIPPING_METHOD);
        refusing(() -> store.update(id, name, enabled, String.join("\n", conditions == null ? List.of()
                : conditions), String.join("\n", actions == null ? List.of() : actions), user));
        return view(store.list()).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    @Override
    public LogisticsRule setEnabled(long id, boolean enabled, String user) {
        authorizer.require(user, Permission.SET_SHIPPING_METHOD);
        refusing(() -> store.setEnabled(id, enabled, user));
        return view(store.list()).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    @Override
    public List<LogisticsRule> move(long id, int position, String user) {
        authorizer.require(user, Permission.SET_SHIPPING_METHOD);
        return view(refusing(() -> store.move(id, position, user)));
    }

    @Override
    public void delete(long id, String user) {
        authorizer.require(user, Permission.SET_SHIPPING_METHOD);
        refusing(() -> {
            store.delete(id, user);
            return null;
        });
    }

    @Override
    public List<RuleDryRun> dryRun(List<Long> packageIds, String user) {
        List<Long> visible = new ArrayList<>();
        for (long id : packageIds) {
            if (packages.detail(id, user).isPresent()) {
                visible.add(id);
            }
        }
        Instant now = clock.instant();
        // the same reading and evaluation as the real run (RuleApplier.apply), writing nothing
        RuleApplier.Outcome outcome = Jdbc.inTransaction(store.dataSource(), c -> applier.evaluate(c, visible, now));
        List<RuleDryRun> out = new ArrayList<>(outcome.evaluations().size());
        for (Evaluation e : outcome.evaluations()) {
            out.add(new RuleDryRun(e.input().packageNo(), e.decisions().stream()
                    .map(d -> new RuleDryRun.Decision(d.kind().name(), RuleText.format(d.action()), d.position(),
                            d.ruleName())).toList(),
                    e.skipped().stream().map(e::explain).toList(),
                    e.skipped().stream().map(s -> skip(e, s)).toList()));
        }
        return out;
    }

    /** The installed carrier plugins, for price look-ups; tests replace it. */
    java.util.function.Supplier<List<CarrierGateway>> carrierPlugins = () -> {
        PluginRegistryImpl registry = plugins;
        if (registry == null) {
            return List.of();
        }
        List<CarrierGateway> out = new ArrayList<>();
        for (io.waybill.core.model.PluginInfo p : registry.plugins()) {
            if (p.kind() == io.waybill.core.model.PluginInfo.Kind.CARRIER) {
                registry.carrier(p.id()).ifPresent(out::add);
            }
        }
        return out;
    };

    @Override
    public List<ServiceQuote> quotes(long packageId, String user) {
        if (packages.detail(packageId, user).isEmpty()) {
            throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_PACKAGE_ID, packageId));
        }
        CarrierService.Parcel parcel = Jdbc.inTransaction(store.dataSource(), c -> applier.parcel(c, packageId))
                .orElseThrow(() -> new OperationRefusedException(Reason.of(Reason.UNKNOWN_PACKAGE_ID, packageId)));
        List<ServiceQuote> out = new ArrayList<>();
        for (CarrierGateway g : carrierPlugins.get()) {
            out.addAll(quotes(g, parcel));
        }
        return out;
    }

    /**
     * One carrier's quotes: a row per service, cheapest first; a carrier without a price look-up
     * ({@code unsupported}) gives no row; a failure, or an exception, one row with its reason.
     */
    static List<ServiceQuote> quotes(CarrierGateway g, CarrierService.Parcel parcel) {
        String id;
        String name;
        try {
            id = g.descriptor().id();
            name = g.descriptor().displayName();
        } catch (RuntimeException e) {
            return List.of();
        }
        Result<List<CarrierQuote>> r;
        try {
            r = g.quote(parcel);
        } catch (RuntimeException e) {
            return List.of(new ServiceQuote(id, name, null, null, null, null, null, "The carrier plugin failed ("
                    + e.getClass().getSimpleName() + ").", null));
        }
        if (r == null) {
            return List.of(new ServiceQuote(id, name, null, null, null, null, null, "The carrier plugin gave no "
                    + "answer.", null));
        }
        if (!r.isOk()) {
            if (r.messages().stream().anyMatch(m -> Result.UNSUPPORTED.equals(m.code()))) {
                return List.of();
            }
            return List.of(new ServiceQuote(id, name, null, null, null, null, null, r.messages().stream()
                    .map(Message::text).reduce((a, b) -> a + " " + b).orElse("No prices."), null));
        }
        String note = r.messages().stream().filter(m -> m.severity() != Message.Severity.INFO).map(Message::text)
                .reduce((a, b) -> a + " " + b).orElse(null);
        List<CarrierQuote> qs = new ArrayList<>(r.value() == null ? List.of() : r.value());
        if (qs.isEmpty()) {
            return List.of(new ServiceQuote(id, name, null, null, null, null, null, "The carrier offers no service "
                    + "for this parcel.", note));
        }
        qs.sort(java.util.Comparator.comparing((CarrierQuote q) -> String.valueOf(q.currency()))
                .thenComparing(CarrierQuote::total));
        return qs.stream().map(q -> new ServiceQuote(id, name, q.serviceCode(), q.serviceName(), q.total(),
                q.currency(), q.deliveryTime(), null, note)).toList();
    }

    @Override
    public BatchResult apply(List<Long> packageIds, String user) {
        authorizer.require(user, Permission.ALLOCATE);
        if (packageIds == null || packageIds.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package.");
        }
        String who = user == null || user.isBlank() ? "system" : user.strip();
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(packageIds));
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try {
                RuleApplier.Outcome o = Jdbc.inTransaction(store.dataSource(), c -> applier.apply(c, chunk, who,
                        clock.instant()));
                for (long id : chunk) {
                    BatchResult.Failure f = o.refused().get(id);
                    if (f == null) {
                        done.add(id);
                    } else {
                        failures.add(f);
                    }
                }
            } catch (OperationRefusedException e) {
                for (long id : chunk) {
                    failures.add(new BatchResult.Failure(id, String.valueOf(id), e.code(), e.getMessage()));
                }
            }
        }
        return new BatchResult(ids.size(), done, failures);
    }

    @Override
    public BatchResult release(List<Long> packageIds, String user) {
        authorizer.require(user, Permission.RELEASE_HOLD);
        if (packageIds == null || packageIds.isEmpty()) {
            throw new OperationRefusedException("empty_selection", "Select at least one package.");
        }
        String who = user == null || user.isBlank() ? "system" : user.strip();
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(packageIds));
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (long id : ids) {
            String[] no = {String.valueOf(id)};
            try {
                Jdbc.inTransaction(store.dataSource(), c -> {
                    PackageStatus status;
                    try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO, STATUS FROM WB_PACKAGE "
                            + "WHERE ID = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (!rs.next()) {
                                throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_PACKAGE_ID, id));
                            }
                            no[0] = rs.getString(1);
                            status = PackageStatus.valueOf(rs.getString(2));
                        }
                    }
                    if (status != PackageStatus.HELD) {
                        throw new OperationRefusedException(Reason.of(Reason.NOT_HELD, no[0], status));
                    }
                    Instant now = clock.instant();
                    try (PreparedStatement ps = RELEASE.prepare(c)) {
                        ps.setTimestamp(1, Timestamp.from(now));
                        if (!RELEASE.apply(ps, id)) {
                            throw new OperationRefusedException(Reason.of(Reason.CONCURRENT_CHANGE, no[0]));
                        }
                    }
                    RuleApplier.audit(c, id, who, now, RuleApplier.RELEASED, PackageStatus.HELD.name(),
                            PackageStatus.WAITING.name(), Reason.of(Reason.HOLD_RELEASED));
                    return null;
                });
                done.add(id);
            } catch (OperationRefusedException e) {
                failures.add(new BatchResult.Failure(id, no[0], e.code(), e.getMessage()));
            }
        }
        return new BatchResult(ids.size(), done, failures);
    }

    @Override
    public Map<Long, PackageHold> holds(List<Long> packageIds) {
        if (packageIds == null || packageIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.inTransaction(store.dataSource(), c -> {
            Map<Long, PackageHold> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT HOLD_REASON, HOLD_RULE FROM WB_PACKAGE WHERE ID = ? "
                    + "AND STATUS = 'HELD'")) {
                for (long id : new LinkedHashSet<>(packageIds)) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.put(id, new PackageHold(id, rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** A skipped rule as data (the UI says why in the user's language). */
    static RuleDryRun.Skip skip(Evaluation e, Evaluation.Skip s) {
        Reason refusal = null;
        if (s.refused() != null) {
            List<String> params = new ArrayList<>(s.refused().params());
            params.add(String.valueOf(s.position()));
            params.add(s.ruleName());
            refusal = new Reason(s.refused().code(), params);
        }
        return new RuleDryRun.Skip(s.position(), s.ruleName(), s.reason().name(),
                s.failed() == null ? null : RuleText.format(s.failed()),
                s.failed() == null ? null : s.failed().actual(e.input(), e.at()),
                s.kinds().stream().map(Enum::name).toList(), refusal);
    }

    /** The rules as the API shows them. */
    static List<LogisticsRule> view(List<Rule> rules) {
        List<LogisticsRule> out = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            out.add(new LogisticsRule(r.id(), i + 1, r.name(), r.enabled(),
                    r.conditions().stream().map(RuleText::format).toList(),
                    r.actions().stream().map(RuleText::format).toList()));
        }
        return out;
    }

    private static <T> T refusing(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidRuleException e) {
            throw new OperationRefusedException(e.code(), e.getMessage());
        }
    }

}
