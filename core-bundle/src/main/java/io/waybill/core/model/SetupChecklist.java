package io.waybill.core.model;

import java.util.List;

/**
 * The first-run setup checklist of an install (issue 12 item 8), computed from the stored data: what a seller must
 * have before the first real order ships. Since 1.6.
 *
 * @param steps the steps in the order they are done
 */
public record SetupChecklist(List<Step> steps) {

    /** The steps, in order. */
    public enum Kind {
        /** At least one enabled warehouse. */
        WAREHOUSE,
        /** At least one product. */
        PRODUCTS,
        /** At least one enabled store. */
        STORE,
        /** A default shipping method (carrier and service; upload uses it) of an enabled store. */
        SHIPPING_METHOD,
        /** At least one order. */
        FIRST_ORDER
    }

    /**
     * One step.
     *
     * @param kind  which step
     * @param count how many of its things exist (enabled warehouses, products, enabled stores, default shipping
     *              methods of enabled stores, orders)
     */
    public record Step(Kind kind, long count) {
        /** Whether the step is done. */
        public boolean done() {
            return count > 0;
        }
    }

    public SetupChecklist {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /** Whether every step is done: then the checklist no longer opens by default. */
    public boolean complete() {
        return steps.stream().allMatch(Step::done);
    }

    /** Whether nothing is set up yet (an empty install). */
    public boolean empty() {
        return steps.stream().noneMatch(Step::done);
    }

    /** The step of this kind. */
    public Step step(Kind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
}
