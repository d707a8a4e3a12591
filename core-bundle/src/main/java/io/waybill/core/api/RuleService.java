package io.waybill.core.api;

import io.waybill.core.model.BatchResult;
import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.PackageHold;
import io.waybill.core.model.RuleDryRun;

import java.util.List;
import java.util.Map;

/**
 * The logistics rules (物流规则, issue 14): an ordered list; per package, the first enabled matching rule per action
 * kind decides it. Changing the list needs {@link Permission#SET_SHIPPING_METHOD} (supervisor); any user may list the
 * rules and dry-run them (the dry run sees only packages in the user's warehouse / store scope). Refusals are
 * {@link OperationRefusedException}s with a code ({@code required}, {@code invalid}, {@code invalid_range},
 * {@code unknown_region}, {@code too_long}, {@code tag_invalid}, {@code duplicate_action_kind},
 * {@code duplicate_name}, {@code rule_not_found}, {@link Permission#NOT_PERMITTED}); a refused change writes nothing.
 * Since 1.11.
 */
public interface RuleService {

    /** The rules in priority order. */
    List<LogisticsRule> list(String user);

    /** Appends a rule (conditions and actions in their text form, one per entry). */
    LogisticsRule add(String name, boolean enabled, List<String> conditions, List<String> actions, String user);

    /**
     * Changes a rule in place (name, enabled, conditions and actions; it keeps its position), checked as {@link #add};
     * an unchanged rule writes nothing. Since 1.14.
     */
    LogisticsRule update(long id, String name, boolean enabled, List<String> conditions, List<String> actions,
                         String user);

    /** Enables or disables a rule. */
    LogisticsRule setEnabled(long id, boolean enabled, String user);

    /** Moves a rule to a position (1 = first); returns the new order. */
    List<LogisticsRule> move(long id, int position, String user);

    /** Deletes a rule. */
    void delete(long id, String user);

    /**
     * What the enabled rules would decide for these packages now, changing nothing; unknown ids and packages outside
     * the user's scope are left out.
     */
    List<RuleDryRun> dryRun(List<Long> packageIds, String user);

    /**
     * The price estimates of every installed carrier that offers a price look-up (carrier SPI 1.4 {@code quote}) for
     * this package's parcel (destination, expected weight, order value, dangerous goods of its products): one row per
     * service, or one row with the carrier's reason when it gave none; cheapest first within a currency. Carriers
     * without a price look-up are left out. Nothing is booked or changed. Since 1.14.
     *
     * @throws io.waybill.core.model.OperationRefusedException an unknown package or one outside the user's scope
     */
    List<io.waybill.core.model.ServiceQuote> quotes(long packageId, String user);

    /**
     * Applies the enabled rules now to these packages ("Re-apply rules"; capture applies them to every new package by
     * itself): each decision with its rule is written to the package's history; a held package the rules no longer
     * hold goes back to waiting. Only packages not allocated yet (waiting, out of stock, held) can be changed; the
     * others fail with {@code rules_not_applicable}. Needs {@link Permission#ALLOCATE}. Since 1.12.
     */
    BatchResult apply(List<Long> packageIds, String user);

    /**
     * Releases packages held for review back to waiting (one line in each history); a package that is not held fails
     * with {@code not_held}. Needs {@link Permission#RELEASE_HOLD}. Since 1.12.
     */
    BatchResult release(List<Long> packageIds, String user);

    /** Why each of these packages is held (packages that are not held are left out). Since 1.12. */
    Map<Long, PackageHold> holds(List<Long> packageIds);
}
