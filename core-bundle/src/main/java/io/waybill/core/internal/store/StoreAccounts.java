package io.waybill.core.internal.store;

import io.waybill.core.model.PlatformType;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the plugins' account settings of stores live: the platform types the installed plugins describe (Metatype)
 * and one Config Admin factory configuration per store. The OSGi implementation is {@link ConfigAdminStoreAccounts};
 * {@link io.waybill.core.internal.service.StoreServiceImpl} owns the rules.
 */
public interface StoreAccounts {

    /** The platforms the installed plugins describe, sorted by id, with the plugins' default (English) labels. */
    default List<PlatformType> platforms() {
        return platforms(null);
    }

    /**
     * The platforms the installed plugins describe, sorted by id, with names and setting labels in this locale where
     * the plugin's Metatype localization has it (else its default labels); null: the default labels.
     */
    List<PlatformType> platforms(Locale locale);

    /** The account of this store, if its configuration exists. */
    Optional<Account> read(PlatformType type, String storeCode);

    /**
     * Creates or updates the store's account configuration: {@code values} are the non-secret settings (typed already;
     * null removes one), {@code secrets} the PASSWORD settings to replace (others keep their stored secret).
     */
    void write(PlatformType type, String storeCode, Map<String, Object> values, Map<String, String> secrets);

    /** Deletes the store's account configuration and its secret files, if there are any. */
    void delete(PlatformType type, String storeCode);

    /**
     * A store's account as stored.
     *
     * @param values     non-secret settings as text
     * @param secretsSet ids of the PASSWORD settings that have a value
     */
    record Account(Map<String, String> values, Set<String> secretsSet) {
        public Account {
            values = Map.copyOf(values);
            secretsSet = Set.copyOf(secretsSet);
        }
    }
}
