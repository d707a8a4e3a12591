package io.waybill.spi.platform;

import java.util.Map;

/**
 * The store a connector works for.
 *
 * @param storeCode Waybill's code for the store
 * @param settings  the store's connector settings (endpoint, shop name...); secrets are passed here, never logged
 */
public record StoreContext(String storeCode, Map<String, String> settings) {
    public StoreContext {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }

    @Override
    public String toString() {
        return "StoreContext[" + storeCode + "]"; // never print settings: they hold secrets
    }
}
