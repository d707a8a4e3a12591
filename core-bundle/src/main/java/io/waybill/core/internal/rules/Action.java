package io.waybill.core.internal.rules;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.PackageTags;

/**
 * What a matching rule decides for a package. Each action has a {@link Kind}; per package the first enabled, matching
 * rule (in list order) that carries an action of a kind decides that kind, and later rules cannot change it.
 */
public sealed interface Action permits Action.AssignWarehouse, Action.AssignShippingMethod, Action.HoldForReview,
        Action.AddTag {

    /** The kinds of decision a package can get; at most one decision per kind. */
    enum Kind {
        WAREHOUSE, SHIPPING_METHOD, HOLD, TAG
    }

    /** This action's kind. */
    Kind kind();

    /** The action in words (English; shell and history). */
    String describe();

    /** Allocate in this warehouse (by code) before the store's priority list. */
    record AssignWarehouse(String warehouseCode) implements Action {
        public AssignWarehouse {
            warehouseCode = required("warehouse code", warehouseCode, 40);
        }

        @Override
        public Kind kind() {
            return Kind.WAREHOUSE;
        }

        @Override
        public String describe() {
            return "warehouse " + warehouseCode;
        }
    }

    /** Ship with this carrier account (a carrier plugin's configured account) and its service code. */
    record AssignShippingMethod(String carrierAccount, String service) implements Action {
        public AssignShippingMethod {
            carrierAccount = required("carrier account", carrierAccount, 60);
            service = required("service", service, 60);
        }

        @Override
        public Kind kind() {
            return Kind.SHIPPING_METHOD;
        }

        @Override
        public String describe() {
            return "shipping method " + carrierAccount + " / " + service;
        }
    }

    /** Hold the package for review, with the reason shown in the review queue. */
    record HoldForReview(String reason) implements Action {
        public HoldForReview {
            reason = required("hold reason", reason, 200);
        }

        @Override
        public Kind kind() {
            return Kind.HOLD;
        }

        @Override
        public String describe() {
            return "hold for review: " + reason;
        }
    }

    /** Add this tag to the package (the package tags' rule: {@link PackageTags}). */
    record AddTag(String tag) implements Action {
        public AddTag {
            try {
                tag = PackageTags.check(tag);
            } catch (OperationRefusedException e) {
                throw new InvalidRuleException("tag_invalid", e.getMessage());
            }
        }

        @Override
        public Kind kind() {
            return Kind.TAG;
        }

        @Override
        public String describe() {
            return "tag " + tag;
        }
    }

    private static String required(String what, String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new InvalidRuleException("required", "The " + what + " is required.");
        }
        if (v.length() > max) {
            throw new InvalidRuleException("too_long", "The " + what + " is longer than " + max + " characters.");
        }
        for (int i = 0; i < v.length(); i++) {
            if (Character.isISOControl(v.charAt(i))) {
                throw new InvalidRuleException("invalid", "The " + what + " contains a control character.");
            }
        }
        return v;
    }
}
