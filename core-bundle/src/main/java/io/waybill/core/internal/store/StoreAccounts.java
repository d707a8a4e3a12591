package io.waybill.core.internal.store;

import io.waybill.core.model.PlatformType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the plugins' account settings of stores live: the platform types the installed plugins describe (Metatype)
 * and one Config Admin factory configuration per store. The OSGi implementation is {@link ConfigAdminStoreAccounts};
 * {@link io.waybill.core.internal.service.StoreServiceImpl} owns the rules.
 */
public interface StoreAccounts {

    /** The platforms the installed plugins describe, sorted by id. */
    List<PlatformType> platforms();

    /** The account of this store, if its configuration exists. */
    Optional<Account> read(PlatformType type, String storeCode);

    /**
     * Creates or updates the store's account configuration: {@code values} are the non-secret settings (typed already;
     * null removes one), {@code secrets} the PASSWORD settings to replace (others keep their stored secret).
     */
    void write(PlatformType type, String storeCode, Map<String, Object> values, Map<String, String> secrets);

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
