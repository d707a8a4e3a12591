package io.waybill.core.internal.service;

import io.waybill.core.api.OrderService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.OrderEntity;
import io.waybill.core.model.OrderSummary;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.util.List;

/** Reads captured orders. */
@Component(service = OrderService.class)
public class OrderServiceImpl implements OrderService {

    private final Database db;

    @Activate
    public OrderServiceImpl(@Reference Database db) {
        this.db = db;
    }

    @Override
    public long count() {
        return db.read(em -> em.createQuery("SELECT COUNT(o) FROM OrderEntity o", Long.class).getSingleResult());
    }

    @Override
    public List<OrderSummary> list(int offset, int limit) {
        return db.read(em -> em.createQuery(
                        "SELECT o FROM OrderEntity o JOIN FETCH o.store ORDER BY o.createdAt DESC, o.id DESC",
                        OrderEntity.class)
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(0, Math.min(limit, PackageServiceImpl.MAX_PAGE)))
                .getResultList().stream()
                .map(o -> new OrderSummary(o.getId(), o.getOrderNo(), o.getStore().getCode(),
                        o.getStore().getPlatform(), o.getPlatformOrderId(), o.getBuyerName(), o.getCountryCode(),
                        o.getLines().size(), o.getCreatedAt(), o.isCancelled()))
                .toList());
    }
}
