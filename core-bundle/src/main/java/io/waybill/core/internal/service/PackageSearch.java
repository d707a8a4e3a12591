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
 * pasted number then finds its packages without reading the table, within milliseconds at a million packages. Then
 * (issue 15) as the start of a field, ignoring case, through an index each ({@link #prefix}): package no., tracking
 * no., order no., buyer name, buyer e-mail (schema V26), SKU code. Only when nothing starts with the text, or more
 * than {@link #MAX_PREFIX} packages do, is it matched as a part (case-insensitive) of package no., order no.,
 * tracking no., buyer name, buyer and address e-mail, buyer and address phone and the SKUs of the order's lines,
 * which reads every package of the other filters (no index serves a part in the middle of a value without a
 * full-text engine).
 */
final class PackageSearch {

    /** More exact hits than this (never seen: numbers are unique or nearly) are searched as text instead. */
    static final int MAX_EXACT = 1000;

    /** More packages than this starting with the text are searched as a part instead (see {@link #prefix}). */
    static final int MAX_PREFIX = 1000;

    private PackageSearch() {
    }

    /** The packages the text names: {@link #exact} numbers, else the {@link #prefix} matches; null when neither. */
    static List<Long> matches(EntityManager em, String text) {
        List<Long> exact = exact(em, text);
        return exact != null ? exact : prefix(em, text);
    }

    /**
     * The ids of the packages whose package no., tracking no., order no., buyer name, buyer e-mail or one of whose
     * SKU codes starts with the text, ignoring case; null when none does or more than {@link #MAX_PREFIX} packages
     * do (then the caller matches the text as a part). One indexed range probe per field, each reading at most
     * {@code MAX_PREFIX + 1} rows (an OR across the fields would read the whole table). Phone numbers are not
     * probed: their prefixes (country and area codes) are shared by most packages.
     */
    static List<Long> prefix(EntityManager em, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String raw = PackageServiceImpl.escapeLike(text.strip());
        if (raw.length() < 2) {
            return null;
        }
        String upper = raw.toUpperCase(Locale.ROOT) + "%";
        // Each probe is one index range, read up to MAX_PREFIX + 1 rows; orders are then turned into their packages
        // by IX_PACKAGE_ORDER. (One join per probe made Derby hash-join by reading every package: seen in its plan.)
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        for (String column : List.of("PACKAGE_NO", "TRACKING_NO")) {
            if (!probe(em, "SELECT ID FROM WB_PACKAGE WHERE " + column + " LIKE ?1", upper, ids)) {
                return null;
            }
        }
        java.util.Set<Long> orders = new java.util.LinkedHashSet<>();
        List<String> orderNos = raw.equals(raw.toUpperCase(Locale.ROOT)) ? List.of(upper) : List.of(raw + "%", upper);
        for (String pattern : orderNos) {
            if (!probe(em, "SELECT ID FROM WB_ORDER WHERE ORDER_NO LIKE ?1", pattern, orders)) {
                return null;
            }
        }
        for (String column : List.of("BUYER_NAME_UC", "BUYER_EMAIL_UC")) {
            if (!probe(em, "SELECT ID FROM WB_ORDER WHERE " + column + " LIKE ?1", upper, orders)) {
                return null;
            }
        }
        java.util.Set<Long> skus = new java.util.LinkedHashSet<>();
        if (!probe(em, "SELECT ID FROM WB_SKU WHERE UPPER(CODE) LIKE ?1", upper, skus)) {
            return null;
        }
        java.util.Set<Long> skuOrders = new java.util.LinkedHashSet<>();
        java.util.Set<Long> skuPackages = new java.util.LinkedHashSet<>();
        if (!in(em, "SELECT ID FROM WB_PACKAGE WHERE ORDER_ID IN ", orders, ids)
                || !in(em, "SELECT ORDER_ID FROM WB_ORDER_LINE WHERE SKU_ID IN ", skus, skuOrders)
                || !in(em, "SELECT ID FROM WB_PACKAGE WHERE ORDER_ID IN ", skuOrders, skuPackages)) {
            return null;
        }
        ids.addAll(carrying(em, skuPackages, skus));
        if (ids.size() > MAX_PREFIX) {
            return null;
        }
        return ids.isEmpty() ? null : new ArrayList<>(ids);
    }

    /**
     * Of these packages of orders with one of the SKUs, the ones that carry one ({@link #carries}): all but the
     * packages of split orders whose share has none of them. At most {@link #MAX_PREFIX} packages and SKUs.
     */
    @SuppressWarnings("unchecked")
    private static List<Long> carrying(EntityManager em, java.util.Set<Long> packages, java.util.Set<Long> skus) {
        if (packages.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> split = new java.util.HashSet<>();
        java.util.Set<Long> carry = new java.util.HashSet<>();
        List<Long> all = new ArrayList<>(packages);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            Query q = em.createNativeQuery("SELECT ID FROM WB_PACKAGE WHERE SPLIT_LINES > 0 AND ID IN (" + marks + ")");
            Query share = em.createNativeQuery("SELECT x.PACKAGE_ID, l.SKU_ID FROM WB_PACKAGE_LINE x JOIN WB_ORDER_LINE l "
                    + "ON l.ID = x.ORDER_LINE_ID WHERE x.QUANTITY > 0 AND x.PACKAGE_ID IN (" + marks + ")");
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
                share.setParameter(i + 1, chunk.get(i));
            }
            for (Object row : q.getResultList()) {
                split.add(((Number) row).longValue());
            }
            for (Object[] row : (List<Object[]>) share.getResultList()) {
                if (skus.contains(((Number) row[1]).longValue())) {
                    carry.add(((Number) row[0]).longValue());
                }
            }
        }
        return all.stream().filter(id -> !split.contains(id) || carry.contains(id)).toList();
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

    /** Adds the ids a one-parameter query finds; false when that makes more than {@link #MAX_PREFIX}. */
    private static boolean probe(EntityManager em, String sql, String parameter, java.util.Set<Long> into) {
        Query q = em.createNativeQuery(sql);
        q.setParameter(1, parameter);
        q.setMaxResults(MAX_PREFIX + 1);
        for (Object row : q.getResultList()) {
            into.add(((Number) row).longValue());
        }
        return into.size() <= MAX_PREFIX;
    }

    /** Adds the ids {@code sql (?, ?, ...)} finds for the keys, 500 keys a query; false past {@link #MAX_PREFIX}. */
    private static boolean in(EntityManager em, String sql, java.util.Set<Long> keys, java.util.Set<Long> into) {
        List<Long> all = new ArrayList<>(keys);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + 500));
            StringBuilder marks = new StringBuilder("(");
            for (int i = 0; i < chunk.size(); i++) {
                marks.append(i == 0 ? "?" : ", ?");
            }
            Query q = em.createNativeQuery(sql + marks.append(")"));
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
            }
            q.setMaxResults(MAX_PREFIX + 1);
            for (Object row : q.getResultList()) {
                into.add(((Number) row).longValue());
            }
            if (into.size() > MAX_PREFIX) {
                return false;
            }
        }
        return true;
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
                + "OR (EXISTS (SELECT l FROM OrderLineEntity l WHERE l.order = o AND UPPER(l.sku.code) LIKE :text) AND "
                + carries("UPPER(k.CODE) LIKE ?", ":text") + "))");
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
            clauses.add("EXISTS (SELECT l2 FROM OrderLineEntity l2 WHERE l2.order = o AND UPPER(l2.sku.code) = :sku) "
                    + "AND " + carries("UPPER(k.CODE) = ?", ":sku"));
            params.put("sku", f.sku().toUpperCase(Locale.ROOT));
        }
        if (!f.tags().isEmpty()) {
            // tags are compared ignoring case (PackageNotesServiceImpl); the filter's values are upper-cased
            clauses.add(sqlCount("WB_PACKAGE_TAG tg WHERE tg.PACKAGE_ID = ? AND UPPER(tg.TAG)", "p.id", "tag",
                    f.tags(), params) + " > 0");
        }
    }

    /**
     * The SKU clause's second half, the one rule of what a package carries in the lists' SKU search and filter (as
     * {@code PackageContents#lines}): a package of a split order (SPLIT_LINES, V33) carries only its share of its
     * order's lines (WB_PACKAGE_LINE), so it matches only a SKU of its share; any other package carries its whole
     * order (the clause's first half, on the order's lines, decides it). {@code skuTest} is a condition on the SKU
     * {@code k} with one parameter, {@code parameter}.
     */
    static String carries(String skuTest, String parameter) {
        return "(p.splitLines = 0 OR SQL('(SELECT COUNT(*) FROM WB_PACKAGE_LINE x JOIN WB_ORDER_LINE l ON l.ID = "
                + "x.ORDER_LINE_ID JOIN WB_SKU k ON k.ID = l.SKU_ID WHERE x.PACKAGE_ID = ? AND x.QUANTITY > 0 AND "
                + skuTest + ")', p.id, " + parameter + ") > 0)";
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
