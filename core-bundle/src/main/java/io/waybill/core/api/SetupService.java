package io.waybill.core.api;

import io.waybill.core.model.SetupChecklist;
import io.waybill.core.model.UserIdentity;

/**
 * The first-run setup checklist (warehouse, products, store, shipping method, first order), read-only and computed
 * from the stored data on every call, so it is never out of date. The rule of when the checklist opens by default
 * lives here too: the UI only shows it. Since core API 1.8.
 */
public interface SetupService {

    /** The checklist as the data stand now. */
    SetupChecklist checklist();

    /**
     * Whether the checklist is the start page of this user: an admin (who can do every step), while a step is not
     * done. Other users never see it.
     *
     * @param user the signed-in user
     */
    default boolean startsWithChecklist(UserIdentity user) {
        return user != null && user.hasRole(UserIdentity.ADMIN) && !checklist().complete();
    }
}
