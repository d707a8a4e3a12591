package io.waybill.core.internal.service;

import io.waybill.core.api.StoreService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.StoreEntity;
import io.waybill.core.model.StoreInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.List;

/** Stores and the countries packages go to, for filters. */
@Component(service = StoreService.class)
public class StoreServiceImpl implements StoreService {

    private final Database db;

    @Activate
    public StoreServiceImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public List<StoreInfo> stores() {
        return db.read(em -> em.createQuery("SELECT s FROM StoreEntity s ORDER BY s.name", StoreEntity.class)
                .getResultList().stream()
                .map(s -> new StoreInfo(s.getCode(), s.getName(), s.getPlatform()))
                .toList());
    }

    @Override
    public List<String> destinationCountries() {
        return db.read(em -> em.createQuery(
                "SELECT DISTINCT o.countryCode FROM PackageEntity p JOIN p.order o ORDER BY o.countryCode",
                String.class).getResultList());
    }
}
