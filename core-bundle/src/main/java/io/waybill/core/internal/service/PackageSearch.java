package io.waybill.core.internal.service;

import io.waybill.core.model.PackageFilters;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The search box and the further filters of the package lists (issue 13 item 12), as clauses of the one package
 * query ({@link PackageServiceImpl#where}); everything runs in the database.
 *
 * <p>The text first is looked up as a whole number (package no., tracking no., order no.; as typed and upper-cased)
 * through their indexes ({@code UQ_PACKAGE_NO}, {@code IX_PACKAGE_TRACKING}, {@code IX_ORDER_NO}): a scanned or
 * pasted number then finds its packages without reading the table, within milliseconds at a million packages. Only
 * when no number is exactly the text is it matched as a part (case-insensitive) of package no., order no., tracking
 * no., buyer name, buyer and address e-mail, buyer and address phone and the SKUs of the order's lines, which reads
 * every package of the other filters.
 */
final class PackageSearch {

    /** More exact hits than this (never seen: numbers are unique or nearly) are searched as text instead. */
    static final int MAX_EXACT = 1000;

    private PackageSearch() {
    }

    /** The ids of the packages whose package no., tracking no. or order no. is exactly the text; null when none. */
    static List<Long> exact(EntityManager em, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String raw = text.strip();
        String upper = raw.toUpperCase(Locale.ROOT);
        // one indexed probe per column (an OR across columns would read the whole table)
        Query q = em.createNativeQuery("SELECT ID FROM WB_PACKAGE WHERE PACKAGE_NO IN (?1, ?2) "
                + "UNION SELECT ID FROM WB_PACKAGE WHERE TRACKING_NO IN (?3, ?4) "
                + "UNION SELECT p.ID FROM WB_PACKAGE p JOIN WB_ORDER o ON o.ID = p.ORDER_ID WHERE o.ORDER_NO IN (?5, ?6)");
        for (int i = 0; i < 3; i++) {
            q.setParameter(2 * i + 1, raw);
            q.setParameter(2 * i + 2, upper);
        }
        q.setMaxResults(MAX_EXACT + 1);
        List<?> rows = q.getResultList();
        if (rows.isEmpty() || rows.size() > MAX_EXACT) {
            return null;
        }
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object row : rows) {
            ids.add(((Number) row).longValue());
        }
        return ids;
    }

    /** The text clause: the exact hits, or the text as a part of any searched field. */
    static void text(String text, List<Long> exactIds, List<String> clauses, Map<String, Object> params) {
        if (exactIds != null && !exactIds.isEmpty()) {
            clauses.add("p.id IN :exactIds");
            params.put("exactIds", List.copyOf(exactIds));
            return;
        }
        clauses.add("(UPPER(p.packageNo) LIKE :text OR UPPER(o.orderNo) LIKE :text "
                + "OR UPPER(o.buyerName) LIKE :text OR UPPER(p.trackingNo) LIKE :text "
                + "OR UPPER(o.buyerEmail) LIKE :text OR UPPER(o.email) LIKE :text "
                + "OR o.buyerPhone LIKE :text OR o.phone LIKE :text "
                + "OR EXISTS (SELECT l FROM OrderLineEntity l WHERE l.order = o AND UPPER(l.sku.code) LIKE :text))");
        params.put("text", "%" + PackageServiceImpl.escapeLike(text.toUpperCase(Locale.ROOT)) + "%");
    }

    /** Carrier, shipping method, created range, SKU and tags. */
    static void filters(PackageFilters f, List<String> clauses, Map<String, Object> params) {
        if (f == null || f.isEmpty()) {
            return;
        }
        if (!f.carriers().isEmpty()) {
            // uploaded: the carrier it went to; before: the carrier of the store's default shipping method
            clauses.add("(p.carrierId IN :carriers OR (p.carrierId IS NULL AND "
                    + sqlCount("WB_SHIPPING_METHOD m WHERE m.STORE_ID = ? AND m.IS_DEFAULT = TRUE AND m.CARRIER_ID",
                            "s.id", "carrier", f.carriers(), params)
                    + " > 0))");
            params.put("carriers", List.copyOf(f.carriers()));
        }
        if (!f.shippingMethods().isEmpty()) {
            clauses.add(sqlCount("WB_SHIPPING_METHOD m WHERE m.STORE_ID = ? AND m.IS_DEFAULT = TRUE AND m.CODE",
                    "s.id", "method", f.shippingMethods(), params) + " > 0");
        }
        if (f.createdFrom() != null) {
            clauses.add("p.createdAt >= :createdFrom");
            params.put("createdFrom", f.createdFrom());
        }
        if (f.createdTo() != null) {
            clauses.add("p.createdAt < :createdTo");
            params.put("createdTo", f.createdTo());
        }
        if (f.sku() != null) {
            clauses.add("EXISTS (SELECT l2 FROM OrderLineEntity l2 WHERE l2.order = o AND UPPER(l2.sku.code) = :sku)");
            params.put("sku", f.sku().toUpperCase(Locale.ROOT));
        }
        if (!f.tags().isEmpty()) {
            // tags are compared ignoring case (PackageNotesServiceImpl); the filter's values are upper-cased
            clauses.add(sqlCount("WB_PACKAGE_TAG tg WHERE tg.PACKAGE_ID = ? AND UPPER(tg.TAG)", "p.id", "tag",
                    f.tags(), params) + " > 0");
        }
    }

    /**
     * A count over a table the persistence unit does not map, through EclipseLink's {@code SQL()} function:
     * {@code SQL('(SELECT COUNT(*) FROM <from> IN (?, ?))', <outer>, :p0, :p1)}.
     */
    private static String sqlCount(String from, String outer, String prefix, Set<String> values,
                                   Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("SQL('(SELECT COUNT(*) FROM ").append(from).append(" IN (");
        StringBuilder args = new StringBuilder(outer);
        int i = 0;
        for (String v : values.stream().sorted().toList()) {
            String name = prefix + i;
            sql.append(i == 0 ? "?" : ", ?");
            args.append(", :").append(name);
            params.put(name, v);
            i++;
        }
        return sql.append("))', ").append(args).append(")").toString();
    }
}
