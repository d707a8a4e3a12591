package io.waybill.core.internal.workflow;

import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.service.PackageServiceImpl;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.model.PackageDetail;
import io.waybill.core.model.PackageStatus;

import java.time.Clock;

import static io.waybill.core.internal.security.TestAuthorizers.authorized;

/**
 * What the merge and split scenarios ({@link MergeScenarios}, {@link SplitScenarios}) share: the services under test
 * over the scenario's database, and the reads of a package they check. Run on Derby and PostgreSQL
 * ({@link ScenarioDb}).
 */
abstract class WorkflowScenarios {

    abstract DatabaseEngine db();

    PackageSplitServiceImpl splits() {
        return authorized(new PackageSplitServiceImpl(db().dataSource(), Clock.systemUTC()));
    }

    PackageMergeServiceImpl merges() {
        return authorized(new PackageMergeServiceImpl(db().dataSource(), Clock.systemUTC()));
    }

    PackageServiceImpl packages() {
        return new PackageServiceImpl(db());
    }

    FulfilmentServiceImpl fulfilment() {
        return authorized(new FulfilmentServiceImpl(db()));
    }

    io.waybill.core.internal.rulestore.RuleServiceImpl rules() {
        return authorized(new io.waybill.core.internal.rulestore.RuleServiceImpl(
                new io.waybill.core.internal.rulestore.RuleStore(db().dataSource(), Clock.systemUTC()), packages(),
                new io.waybill.core.internal.catalogue.ProductServiceImpl(db().dataSource(), Clock.systemUTC()),
                Clock.systemUTC()));
    }

    PackageDetail detail(long id) {
        return packages().detail(id).orElseThrow();
    }

    PackageStatus status(long id) {
        return detail(id).row().status();
    }

    int weight(long id) {
        return detail(id).row().expectedWeightGrams();
    }

    static int units(PackageDetail d, String sku) {
        return d.lines().stream().filter(l -> l.skuCode().equals(sku)).mapToInt(PackageDetail.Line::quantity).sum();
    }

    static AuditEntry last(PackageDetail d) {
        return d.history().get(d.history().size() - 1);
    }
}
