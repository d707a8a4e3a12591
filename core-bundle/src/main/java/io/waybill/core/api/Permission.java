package io.waybill.core.api;

import io.waybill.core.model.UserIdentity;

import java.util.Set;

/**
 * Waybill's permission matrix in one place: every action that changes data, and the least role that may do it.
 * Roles are ordered operator &lt; supervisor &lt; admin; a higher role may do everything a lower one may. The core
 * services check it for the calling user (UI, shell and later API alike) and refuse with
 * {@link #NOT_PERMITTED}; the UI may also use it to hide what a user cannot do.
 */
public enum Permission {
    IMPORT_ORDERS(UserIdentity.OPERATOR, "import or capture orders"),
    EDIT_ADDRESS(UserIdentity.OPERATOR, "edit a delivery address"),
    ALLOCATE(UserIdentity.OPERATOR, "allocate inventory"),
    UPLOAD_TO_CARRIER(UserIdentity.OPERATOR, "upload packages to the carrier"),
    REFRESH_TRACKING(UserIdentity.OPERATOR, "update logistics provider information"),
    MARK_PRINTED(UserIdentity.OPERATOR, "mark packages as printed"),
    SHIP_WEIGHED(UserIdentity.OPERATOR, "execute delivery with weighing verification"),
    START_SYNC(UserIdentity.OPERATOR, "start synchronisation to the store"),
    ANNOTATE_PACKAGE(UserIdentity.OPERATOR, "add notes and tags to packages"),
    /**
     * Merge packages of one buyer into one parcel, split a package, and undo either, before upload (issue 14, 审单;
     * since 1.14, split since 1.15).
     */
    MERGE_PACKAGES(UserIdentity.OPERATOR, "merge and split packages and undo them"),
    SET_STOCK(UserIdentity.SUPERVISOR, "set stock"),
    ADJUST_STOCK(UserIdentity.SUPERVISOR, "adjust stock"),
    VOID(UserIdentity.SUPERVISOR, "void packages"),
    SHIP_BATCH(UserIdentity.SUPERVISOR, "execute batch delivery without weighing"),
    OVERRIDE_WEIGHT(UserIdentity.SUPERVISOR, "approve a failing weight"),
    SET_TOLERANCE(UserIdentity.SUPERVISOR, "change weight tolerances"),
    SET_SHIPPING_METHOD(UserIdentity.SUPERVISOR, "change shipping methods"),
    SET_SYNC_SETTINGS(UserIdentity.SUPERVISOR, "change delivery sync settings (auto-sync, carrier codes)"),
    EDIT_CATALOGUE(UserIdentity.SUPERVISOR, "edit the product catalogue"),
    SET_BIN_LOCATION(UserIdentity.SUPERVISOR, "set bin locations"),
    /** Release packages a logistics rule held for review (since 1.12). */
    RELEASE_HOLD(UserIdentity.SUPERVISOR, "release packages held for review"),
    /** Edit a package's customs declaration before upload (the review queue, issue 14; since 1.13). */
    EDIT_PACKAGE(UserIdentity.SUPERVISOR, "edit a package's customs declaration"),
    MANAGE_WAREHOUSES(UserIdentity.ADMIN, "manage warehouses"),
    MANAGE_STORES(UserIdentity.ADMIN, "manage stores"),
    CONFIGURE_PLUGINS(UserIdentity.ADMIN, "configure plugins"),
    MANAGE_USERS(UserIdentity.ADMIN, "manage users");

    /** Refusal code of {@link OperationRefusedException} when the user lacks the role. */
    public static final String NOT_PERMITTED = "not_permitted";

    private static final java.util.List<String> ORDER =
            java.util.List.of(UserIdentity.OPERATOR, UserIdentity.SUPERVISOR, UserIdentity.ADMIN);

    private final String minimumRole;
    private final String description;

    Permission(String minimumRole, String description) {
        this.minimumRole = minimumRole;
        this.description = description;
    }

    /** The least Waybill role that may do this. */
    public String minimumRole() {
        return minimumRole;
    }

    /** What the action is, in English, for refusals ("adjust stock"). */
    public String description() {
        return description;
    }

    /** Whether a holder of these Waybill roles may do this. */
    public boolean allowedFor(Set<String> roles) {
        int needed = ORDER.indexOf(minimumRole);
        for (String r : roles) {
            if (ORDER.indexOf(r) >= needed) {
                return true;
            }
        }
        return false;
    }
}
