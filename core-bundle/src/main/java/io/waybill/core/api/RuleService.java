package io.waybill.core.api;

import io.waybill.core.model.LogisticsRule;
import io.waybill.core.model.RuleDryRun;

import java.util.List;

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
}
