package io.waybill.core.api;

import io.waybill.core.model.ConnectionTest;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.Store;
import io.waybill.core.model.StoreDraft;
import io.waybill.core.model.StoreInfo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stores: reference data for filters, and (since core API 1.7) store management. A store is one marketplace account:
 * a row in the core's database (code, name, platform, capture interval, warehouse priority, auto-sync, enabled) plus,
 * for a platform with accounts, a Config Admin factory configuration of the plugin (its settings; {@code config:edit}
 * and Waybill edit the same configuration). Secrets are written to a file of their own (mode 600) that the
 * configuration names with a reference {@code secret-file:<name>} (resolved by the plugin), so {@code config:list}
 * never shows them. Changes
 * need {@link Permission#MANAGE_STORES}; a refusal is an {@link OperationRefusedException} whose message the
 * operator can read, and nothing is written then.
 */
public interface StoreService {

    /** Refusal code: the store data break a rule (the message lists them). Since 1.7. */
    String INVALID = "invalid_store";
    /** Refusal code: a store with this code exists. Since 1.7. */
    String DUPLICATE = "duplicate_store";
    /** Refusal code: no store has this code. Since 1.7. */
    String UNKNOWN = io.waybill.core.model.Reason.UNKNOWN_STORE;
    /** Refusal code: the store has orders or packages, so it cannot be deleted (only disabled). Since 1.10. */
    String IN_USE = "store_in_use";
    /** Refusal code: no installed plugin offers this platform. Since 1.7. */
    String UNKNOWN_PLATFORM = "unknown_platform";

    /** All stores, by name. */
    List<StoreInfo> stores();

    /** Destination countries that occur in packages, sorted. */
    List<String> destinationCountries();

    /** The platforms the installed plugins offer, with their account settings, even with no account configured. */
    List<PlatformType> platforms();

    /**
     * Like {@link #platforms()}, with the platform names and the setting labels and help texts in this locale where
     * the plugin's Metatype localization offers it (else the plugin's default, English). Since 1.10.
     */
    List<PlatformType> platforms(Locale locale);

    /** All stores with their settings (never secrets), sorted by code. Since 1.7. */
    List<Store> list();

    /** The store with this code (case-insensitive), or empty. Since 1.7. */
    Optional<Store> get(String code);

    /**
     * Creates a store (enabled) and, for a platform with accounts, its account configuration.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #INVALID} (e.g. an unknown warehouse
     *                                   in the priority list, a missing required setting), {@link #DUPLICATE},
     *                                   {@link #UNKNOWN_PLATFORM}
     */
    Store create(StoreDraft draft, String actor);

    /**
     * Changes a store (found by the draft's code; code and platform stay) and its account configuration. Blank
     * PASSWORD settings keep the stored secret.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #INVALID}, {@link #UNKNOWN},
     *                                   {@link #UNKNOWN_PLATFORM}
     */
    Store update(StoreDraft draft, String actor);

    /**
     * Enables or disables a store. A disabled store is not captured and its sync jobs wait; its orders and packages
     * stay.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}
     */
    Store setEnabled(String code, boolean enabled, String actor);

    /**
     * Deletes a store that has never had an order (so no packages): its row, warehouse priority list, shipping
     * methods, SKU aliases and, for a platform with accounts, its account configuration and secret files. A store
     * with orders is refused with {@link #IN_USE}: its history stays, it can only be disabled. Since 1.10.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}, {@link #IN_USE}
     */
    void delete(String code, String actor);

    /**
     * Asks the store's marketplace plugin whether the account works (one cheap read-only request). Never throws for
     * a plugin failure: the answer says what went wrong.
     *
     * @throws OperationRefusedException {@link Permission#NOT_PERMITTED}, {@link #UNKNOWN}
     */
    ConnectionTest testConnection(String code, String actor);
}
