package io.waybill.core.internal.rulestore;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageService;
import io.waybill.core.api.Permission;
import io.waybill.core.api.ProductService;
import io.waybill.core.api.RuleService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.rules.Evaluation;
import io.waybill.core.internal.rules.InvalidRuleException;
import io.waybill.core.internal.rules.Rule;
import io.waybill.core.internal.rules.RuleEngine;
import io.waybill.core.internal.rules.RuleInput;
import io.waybill.core.internal.rules.RuleText;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.Product;
import io.waybill.core.model.RuleDryRun;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link RuleService}: permission, then the {@link RuleStore} (the one writer); the dry run builds each package's
 * {@link RuleInput} from the package detail and the catalogue and asks the {@link RuleEngine}, writing nothing.
 */
@Component(service = RuleService.class)
public class RuleServiceImpl implements RuleService {

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
        RuleEngine engine = new RuleEngine(store.list());
        Map<String, Optional<Product>> catalogue = new HashMap<>();
        List<RuleInput> inputs = new ArrayList<>();
        for (long id : packageIds) {
            Optional<PackageDetail> d = packages.detail(id, user);
            d.ifPresent(detail -> inputs.add(RuleInput.from(detail,
                    sku -> catalogue.computeIfAbsent(sku, products::find).orElse(null), null)));
        }
        Instant now = clock.instant();
        List<RuleDryRun> out = new ArrayList<>(inputs.size());
        for (Evaluation e : engine.dryRun(inputs, now)) {
            out.add(new RuleDryRun(e.input().packageNo(), e.decisions().stream()
                    .map(d -> new RuleDryRun.Decision(d.kind().name(), RuleText.format(d.action()), d.position(),
                            d.ruleName())).toList(),
                    e.skipped().stream().map(e::explain).toList()));
        }
        return out;
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
