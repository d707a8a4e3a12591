package io.waybill.core.model;

import java.util.List;

/**
 * One stored logistics rule (issue 14), as the shell and the UI show and edit it. Conditions and actions are in their
 * text form, one per entry ({@code country EU}, {@code value ..150 EUR}, {@code ship pool-main SEA-DG},
 * {@code hold IOSS number missing}, {@code tag DG}; see README, "Logistics rules"). Since 1.9.
 *
 * @param id         the rule's id
 * @param position   its priority, from 1 (first)
 * @param name       its name
 * @param enabled    whether it runs
 * @param conditions all must hold (empty = every package)
 * @param actions    one per kind: warehouse, ship, hold, tag
 */
public record LogisticsRule(long id, int position, String name, boolean enabled, List<String> conditions,
                            List<String> actions) {
    public LogisticsRule {
        conditions = List.copyOf(conditions);
        actions = List.copyOf(actions);
    }
}
