package io.waybill.core.api;

import io.waybill.core.model.StoreInfo;

import java.util.List;

/** Reference data for filters and settings. */
public interface StoreService {

    /** All stores, by name. */
    List<StoreInfo> stores();

    /** Destination countries that occur in packages, sorted. */
    List<String> destinationCountries();
}
