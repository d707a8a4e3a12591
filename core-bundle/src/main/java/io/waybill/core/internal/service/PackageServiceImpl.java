package io.waybill.core.internal.service;

import io.waybill.core.api.PackageService;
import io.waybill.core.internal.db.Database;
import io.waybill.core.internal.persistence.OrderLineEntity;
import io.waybill.core.internal.persistence.PackageEntity;
import io.waybill.core.model.AuditEntry;
import io.waybill.core.internal.persistence.CarrierLabels;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.model.CarrierLabel;
import io.waybill.core.model.OrderValue;
import io.waybill.core.model.PackageDetail;
import io.waybill.spi.carrier.LabelDocument;
import io.waybill.core.model.PackageQuery;
import io.waybill.core.model.Shortage;
import io.waybill.core.internal.persistence.AuditEventEntity;
import io.waybill.spi.common.Address;
import io.waybill.core.model.PackageRow;
import io.waybill.core.model.PackageSelection;
import io.waybill.core.model.PackageSort;
import io.waybill.core.model.PackageStatus;
import io.waybill.security.AccountStates;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Optional;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Package lists for the UI and shell: filtered, sorted, paged queries that never load more than a page. */
@Component(service = PackageService.class)
public class PackageServiceImpl implements PackageService {

    static final int MAX_PAGE = 1000;

    private final Database db;
    /** A user's warehouse/store scope ({@code etc/waybill.accounts.properties}). */
    private volatile Function<String, AccountStates.State> scopes = AccountStates.container()::get;

    @Activate
    public PackageServiceImpl(@Reference Database db) {
        this.db = db;
    }

    /** Tests: where user scopes come from. */
    public void setScopes(Function<String, AccountStates.State> scopes) {
        this.scopes = scopes;
    }

    /**
     * The one place a user's scope becomes a filter: packages of the user's stores, and of the user's warehouses (a
     * package that is not allocated yet belongs to every warehouse its store ships from). Both set = both apply.
     *
     * @param warehouses        warehouse codes, empty = any
     * @param stores            store codes, empty = any
     * @param storesOfWarehouse stores that ship from one of {@code warehouses}
     */
    record Scope(Set<String> warehouses, Set<String> stores, Set<String> storesOfWarehouse) {
        static final Scope NONE = new Scope(Set.of(), Set.of(), Set.of());
    }

    Scope scope(EntityManager em, String viewer) {
        if (viewer == null) {
            return Scope.NONE;
        }
        AccountStates.State s = scopes.apply(viewer);
        if (s.warehouses().isEmpty() && s.stores().isEmpty()) {
            return Scope.NONE;
        }
        Set<String> storesOfWarehouse = Set.of();
        if (!s.warehouses().isEmpty()) {
            List<String> codes = List.copyOf(s.warehouses());
            var q = em.createNativeQuery("SELECT DISTINCT st.CODE FROM WB_STORE st "
                    + "JOIN WB_STORE_WAREHOUSE sw ON sw.STORE_ID = st.ID JOIN WB_WAREHOUSE w ON w.ID = sw.WAREHOUSE_ID "
                    + "WHERE w.CODE IN (" + String.join(",", java.util.Collections.nCopies(codes.size(), "?")) + ")");
            for (int i = 0; i < codes.size(); i++) {
                q.setParameter(i + 1, codes.get(i));
            }
            storesOfWarehouse = new HashSet<>();
            for (Object code : q.getResultList()) {
                storesOfWarehouse.add(String.valueOf(code));
            }
        }
        return new Scope(s.warehouses(), s.stores(), storesOfWarehouse);
    }

    @Override
    public long count(PackageQuery query) {
        return db.read(em -> {
            StringBuilder where = new StringBuilder();
            Map<String, Object> params = where(em, query, scope(em, query.viewer()),
                    PackageSearch.matches(em, query.text()), where);
            // every package has its order and store (NOT NULL foreign keys): without a clause on them the count reads
            // one index (IX_PACKAGE_STATUS_CREATED; with a store or country filter IX_PACKAGE_STATUS_STORE /
            // _COUNTRY, V35) instead of joining each package to its order (issue 15)
            if (needsOrder(where)) {
                TypedQuery<Long> q = em.createQuery("SELECT COUNT(p) FROM PackageEntity p JOIN p.order o JOIN o.store s"
                        + where, Long.class);
                params.forEach(q::setParameter);
                return q.getSingleResult();
            }
            // a package has one status: over several statuses the count is the sum of one index range per status
            // (STATUS IN (?, ?, ?) made Derby read the whole index: 12-14 s for the Shipped tab at a million)
            List<?> statuses = (List<?>) params.get("statuses");
            long total = 0;
            for (Object status : statuses == null || statuses.size() < 2 ? java.util.Collections.singletonList(null)
                    : statuses) {
                TypedQuery<Long> q = em.createQuery("SELECT COUNT(p) FROM PackageEntity p" + where, Long.class);
                params.forEach(q::setParameter);
                if (status != null) {
                    q.setParameter("statuses", List.of(status));
                }
                total += q.getSingleResult();
            }
            return total;
        });
    }

    /** The counts of large statuses for unfiltered lists and tab labels: the one place they are estimated. */
    private volatile StatusCounts statusCounts = new StatusCounts();

    /**
     * Tests: from which count a status is estimated, how old an estimate may be, the clock (nanoseconds) and where
     * recounts run.
     */
    public void setEstimates(long estimateFrom, long maxAgeNanos, java.util.function.LongSupplier clock,
                             java.util.concurrent.Executor background) {
        this.statusCounts = new StatusCounts(estimateFrom, maxAgeNanos, clock, background);
    }

    /** The exact count of one status (one index range). */
    private long exactCount(PackageStatus status) {
        return count(PackageQuery.status(status));
    }

    @Override
    public io.waybill.core.model.ListCount countForList(PackageQuery query) {
        boolean unfiltered = query.text() == null && query.storeCodes().isEmpty() && query.countries().isEmpty()
                && query.filters().isEmpty() && (query.viewer() == null || db.read(em -> scope(em, query.viewer()))
                == Scope.NONE);
        if (!unfiltered) {
            return io.waybill.core.model.ListCount.exact(count(query));
        }
        // a package has one status: the list's count is the sum of its statuses' counts
        io.waybill.core.model.ListCount total = io.waybill.core.model.ListCount.exact(0);
        for (PackageStatus s : query.statuses().isEmpty() ? Set.of(PackageStatus.values()) : query.statuses()) {
            total = total.plus(statusCounts.count(s, this::exactCount));
        }
        return total;
    }

    @Override
    public Map<PackageStatus, io.waybill.core.model.ListCount> countsForTabs(String viewer) {
        Map<PackageStatus, io.waybill.core.model.ListCount> out = new EnumMap<>(PackageStatus.class);
        if (viewer != null && db.read(em -> scope(em, viewer)) != Scope.NONE) {
            countByStatus(viewer).forEach((s, n) -> out.put(s, io.waybill.core.model.ListCount.exact(n)));
            return out;
        }
        for (PackageStatus s : PackageStatus.values()) {
            out.put(s, statusCounts.count(s, this::exactCount));
        }
        return out;
    }

    /**
     * The resolver of "select all": one query for the ids and numbers of the matching packages in the viewer's
     * scope, in id order, reading at most {@code max + excluded + 1} rows (so an oversized selection is refused
     * without reading it all); excluded ids are dropped here rather than sent as a NOT IN list of any length.
     */
    @Override
    public Map<Long, String> resolve(PackageSelection selection, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        int bound = Math.min(max, PackageSelection.MAX_PACKAGES);
        Set<Long> excluded = selection.excluded();
        List<Object[]> rows = db.read(em -> {
            StringBuilder jpql = new StringBuilder(
                    "SELECT p.id, p.packageNo FROM PackageEntity p JOIN p.order o JOIN o.store s");
            PackageQuery query = selection.query();
            Map<String, Object> params = where(em, query, scope(em, query.viewer()),
                    PackageSearch.matches(em, query.text()), jpql);
            jpql.append(" ORDER BY p.id ASC");
            TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
            params.forEach(q::setParameter);
            q.setMaxResults((int) Math.min(Integer.MAX_VALUE, (long) bound + excluded.size() + 1));
            return q.getResultList();
        });
        return keep(rows, excluded, bound);
    }

    /**
     * A keyset page of a filter: ids after {@code afterId} in id order, through {@code IX_PACKAGE_STATUS_ID}
     * (status, id; V40) as one index range per status, so a page costs its own rows however far the walk has gone
     * (an offset re-reads everything before it). Over several statuses each status's first {@code limit} ids after
     * {@code afterId} are read and merged here, as {@link #find} does (an IN list made Derby sort the whole range).
     * Each page is its own short read: nothing is held between pages.
     */
    @Override
    public List<Long> idsAfter(PackageQuery query, long afterId, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        int pageSize = Math.min(limit, MAX_PAGE);
        if (pageSize == 0) {
            return List.of();
        }
        return db.read(em -> {
            StringBuilder where = new StringBuilder();
            Map<String, Object> params = where(em, query, scope(em, query.viewer()),
                    PackageSearch.matches(em, query.text()), where);
            String from = needsOrder(where) ? "SELECT p.id FROM PackageEntity p JOIN p.order o JOIN o.store s"
                    : "SELECT p.id FROM PackageEntity p";
            String jpql = from + where + (where.isEmpty() ? " WHERE " : " AND ") + "p.id > :afterId ORDER BY p.id";
            List<?> statuses = (List<?>) params.get("statuses");
            java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
            for (Object status : statuses == null || statuses.size() < 2 ? java.util.Collections.singletonList(null)
                    : statuses) {
                TypedQuery<Long> q = em.createQuery(jpql, Long.class);
                params.forEach(q::setParameter);
                if (status != null) {
                    q.setParameter("statuses", List.of(status));
                }
                q.setParameter("afterId", afterId);
                q.setMaxResults(pageSize);
                ids.addAll(q.getResultList());
            }
            while (ids.size() > pageSize) {
                ids.pollLast();
            }
            return List.copyOf(ids);
        });
    }

    /** Rows (id, package no.) minus the excluded ids; refused when more than {@code bound} remain. */
    static Map<Long, String> keep(List<Object[]> rows, Set<Long> excluded, int bound) {
        Map<Long, String> ids = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            if (!excluded.contains(id)) {
                ids.put(id, (String) r[1]);
                if (ids.size() > bound) {
                    throw PackageService.tooLarge(bound);
                }
            }
        }
        return ids;
    }

    @Override
    public List<PackageRow> find(PackageQuery query, int offset, int limit, List<PackageSort> sort) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        int pageSize = Math.min(limit, MAX_PAGE);
        if (pageSize == 0) {
            return List.of();
        }
        return db.read(em -> {
            StringBuilder where = new StringBuilder();
            Map<String, Object> params = where(em, query, scope(em, query.viewer()),
                    PackageSearch.matches(em, query.text()), where);
            List<Long> ids = pageIds(em, query, where.toString(), params, sort, offset, pageSize);
            List<PackageEntity> packages = load(em, ids);
            Map<Long, String> skus = skuSummaries(em, packages);
            Map<Long, String> shares = splitSummaries(em, ids);
            List<PackageRow> rows = new ArrayList<>(packages.size());
            for (PackageEntity p : packages) {
                var o = p.getOrder();
                rows.add(new PackageRow(p.getId(), p.getPackageNo(), o.getOrderNo(), o.getStore().getCode(),
                        o.getStore().getName(), o.getStore().getPlatform(), o.getBuyerName(), o.getCountryCode(),
                        shares.getOrDefault(p.getId(), skus.getOrDefault(o.getId(), "")), p.getExpectedWeightGrams(),
                        p.getCreatedAt(),
                        p.getStatus(), p.getTrackingNo()));
            }
            return rows;
        });
    }

    /** Whether a WHERE clause or ORDER BY names the order {@code o} or the store {@code s} (else: packages only). */
    static boolean needsOrder(CharSequence jpql) {
        return ORDER_OR_STORE.matcher(jpql).find();
    }

    private static final java.util.regex.Pattern ORDER_OR_STORE = java.util.regex.Pattern.compile(
            "(?<![\\w.:'])[os](?![\\w'])");

    /** Most rows a page of a list over several statuses reads per status when merged here (else one query). */
    static final int MERGE_MAX = 10_000;

    /**
     * The ids of one page, in the list's order (issue 15). The page is chosen on the packages alone when neither the
     * filter nor the sort names the order or store, so a tab's page sorted by its created time is the first rows of
     * {@code IX_PACKAGE_STATUS_RECENT} / {@code IX_PACKAGE_STATUS_CREATED} (no join, no sort); over several statuses
     * (Shipped: shipped, synced, sync failed) each status's first {@code offset + limit} ids are read that way and
     * merged here, as one IN list would make Derby sort every package of the tab. The rows are then loaded by id.
     */
    private List<Long> pageIds(EntityManager em, PackageQuery query, String where, Map<String, Object> params,
                               List<PackageSort> sort, int offset, int limit) {
        String orderBy = orderBy(sort);
        boolean joined = needsOrder(where) || needsOrder(orderBy);
        boolean byCreated = sort == null || sort.isEmpty()
                || sort.size() == 1 && sort.get(0).field() == PackageSort.Field.CREATED;
        boolean descending = sort == null || sort.isEmpty() || !sort.get(0).ascending();
        boolean merged = query.statuses().size() > 1;
        if (!needsOrder(where) && sort != null && sort.size() == 1 && sort.get(0).field() == PackageSort.Field.STORE
                && (long) offset + limit <= MERGE_MAX) {
            return byStore(em, query, where, params, sort.get(0).ascending(), offset, limit);
        }
        if (!joined && byCreated && merged && (long) offset + limit <= MERGE_MAX) {
            record Key(long id, java.time.Instant created) {
            }
            List<Key> keys = new ArrayList<>();
            for (PackageStatus status : query.statuses()) {
                Map<String, Object> one = new LinkedHashMap<>(params);
                one.put("statuses", List.of(status));
                TypedQuery<Object[]> q = em.createQuery("SELECT p.id, p.createdAt FROM PackageEntity p" + where
                        + orderBy, Object[].class);
                one.forEach(q::setParameter);
                q.setMaxResults(offset + limit);
                for (Object[] r : q.getResultList()) {
                    keys.add(new Key(((Number) r[0]).longValue(), (java.time.Instant) r[1]));
                }
            }
            java.util.Comparator<Key> created = java.util.Comparator.comparing(Key::created);
            keys.sort((descending ? created.reversed() : created).thenComparingLong(Key::id));
            return keys.stream().skip(offset).limit(limit).map(Key::id).toList();
        }
        if (!joined && merged && (long) (offset + limit) * query.statuses().size() <= MERGE_IDS) {
            // sorted by a column of the package (country, buyer: V37; package no., order no., weight: V38; an index
            // per status and direction): each status's first rows in that order, then the database orders those few
            // (its collation, not Java's, decides)
            List<Long> candidates = new ArrayList<>();
            for (PackageStatus status : query.statuses()) {
                Map<String, Object> one = new LinkedHashMap<>(params);
                one.put("statuses", List.of(status));
                TypedQuery<Long> q = em.createQuery("SELECT p.id FROM PackageEntity p" + where + orderBy, Long.class);
                one.forEach(q::setParameter);
                q.setMaxResults(offset + limit);
                candidates.addAll(q.getResultList());
            }
            if (candidates.isEmpty()) {
                return List.of();
            }
            return em.createQuery("SELECT p.id FROM PackageEntity p WHERE p.id IN :ids" + orderBy, Long.class)
                    .setParameter("ids", candidates).setFirstResult(offset).setMaxResults(limit).getResultList();
        }
        String from = joined ? "SELECT p.id FROM PackageEntity p JOIN p.order o JOIN o.store s"
                : "SELECT p.id FROM PackageEntity p";
        TypedQuery<Long> q = em.createQuery(from + where + orderBy, Long.class);
        params.forEach(q::setParameter);
        q.setFirstResult(offset);
        q.setMaxResults(limit);
        return q.getResultList();
    }

    /** Most ids a page sorted by a package column over several statuses orders in the database (else one query). */
    static final int MERGE_IDS = 3_000;

    /**
     * A page sorted by store (issue 15): the stores in the order of their names (then ids), each store's packages
     * newest first through {@code IX_PACKAGE_STATUS_STORE} until the page is full — the order of
     * {@link #orderBy}'s join ({@code s.name, p.storeId, p.createdAt DESC, p.id}) without joining or sorting the tab.
     */
    private List<Long> byStore(EntityManager em, PackageQuery query, String where, Map<String, Object> params,
                               boolean ascending, int offset, int limit) {
        String direction = ascending ? " ASC" : " DESC";
        List<Long> stores = em.createQuery("SELECT st.id FROM StoreEntity st ORDER BY st.name" + direction + ", st.id"
                + direction, Long.class).getResultList();
        String inStore = (where.isEmpty() ? " WHERE " : where + " AND ") + "p.storeId = :sortStore";
        List<Long> ids = new ArrayList<>();
        int wanted = offset + limit;
        for (Long store : stores) {
            Map<String, Object> one = new LinkedHashMap<>(params);
            one.put("sortStore", store);
            ids.addAll(pageIds(em, query, inStore, one, List.of(), 0, wanted - ids.size()));
            if (ids.size() >= wanted) {
                break;
            }
        }
        return ids.subList(Math.min(offset, ids.size()), Math.min(wanted, ids.size()));
    }

    /** The packages with their orders and stores, in the order of the ids. */
    private static List<PackageEntity> load(EntityManager em, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, PackageEntity> byId = new HashMap<>();
        for (PackageEntity p : em.createQuery("SELECT p FROM PackageEntity p JOIN FETCH p.order o JOIN FETCH o.store "
                + "WHERE p.id IN :ids", PackageEntity.class).setParameter("ids", ids).getResultList()) {
            byId.put(p.getId(), p);
        }
        List<PackageEntity> out = new ArrayList<>(ids.size());
        for (Long id : ids) {
            PackageEntity p = byId.get(id);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Map<PackageStatus, Long> countByStatus() {
        return db.read(em -> {
            Map<PackageStatus, Long> counts = new EnumMap<>(PackageStatus.class);
            for (PackageStatus s : PackageStatus.values()) {
                counts.put(s, 0L);
            }
            List<Object[]> rows = em.createQuery(
                    "SELECT p.status, COUNT(p) FROM PackageEntity p GROUP BY p.status", Object[].class)
                    .getResultList();
            for (Object[] r : rows) {
                counts.put((PackageStatus) r[0], (Long) r[1]);
            }
            return counts;
        });
    }

    @Override
    public Map<PackageStatus, Long> countByStatus(String viewer) {
        if (viewer == null) {
            return countByStatus();
        }
        return db.read(em -> {
            Map<PackageStatus, Long> counts = new EnumMap<>(PackageStatus.class);
            for (PackageStatus s : PackageStatus.values()) {
                counts.put(s, 0L);
            }
            StringBuilder jpql = new StringBuilder(
                    "SELECT p.status, COUNT(p) FROM PackageEntity p JOIN p.order o JOIN o.store s");
            Map<String, Object> params = where(PackageQuery.all(), scope(em, viewer), jpql);
            jpql.append(" GROUP BY p.status");
            TypedQuery<Object[]> q = em.createQuery(jpql.toString(), Object[].class);
            params.forEach(q::setParameter);
            for (Object[] r : q.getResultList()) {
                counts.put((PackageStatus) r[0], (Long) r[1]);
            }
            return counts;
        });
    }

    @Override
    public Optional<PackageDetail> detail(long packageId, String viewer) {
        if (viewer != null && !visible(packageId, viewer)) {
            return Optional.empty();
        }
        return detail(packageId);
    }

    @Override
    public boolean visible(long packageId, String viewer) {
        if (viewer == null) {
            return detail(packageId).isPresent();
        }
        return db.read(em -> {
            Scope scope = scope(em, viewer);
            if (scope == Scope.NONE) {
                return true;
            }
            StringBuilder jpql = new StringBuilder(
                    "SELECT COUNT(p) FROM PackageEntity p JOIN p.order o JOIN o.store s");
            Map<String, Object> params = where(PackageQuery.all(), scope, jpql);
            jpql.append(" AND p.id = :id");
            TypedQuery<Long> q = em.createQuery(jpql.toString(), Long.class);
            params.forEach(q::setParameter);
            q.setParameter("id", packageId);
            return q.getSingleResult() > 0;
        });
    }

    /** Appends the WHERE clause for a query without user scope and returns its parameters. */
    static Map<String, Object> where(PackageQuery query, StringBuilder jpql) {
        return where(query, Scope.NONE, jpql);
    }

    /** Appends the WHERE clause for a query within a user's scope and returns its parameters. */
    static Map<String, Object> where(PackageQuery query, Scope scope, StringBuilder jpql) {
        return where(query, scope, null, jpql);
    }

    /**
     * Appends the WHERE clause for a query within a user's scope and returns its parameters.
     *
     * @param exactIds the packages whose number is exactly the query's text ({@link PackageSearch#exact}), or null
     *                 to match the text as a part of any searched field
     */
    static Map<String, Object> where(PackageQuery query, Scope scope, List<Long> exactIds, StringBuilder jpql) {
        return where(null, query, scope, exactIds, jpql);
    }

    /**
     * The WHERE clause of a list: with an entity manager the store filter is the package's own store id (V35) and the
     * country filter the package's own country, both served by the package's indexes; without one (callers that join
     * anyway) the store's code.
     */
    static Map<String, Object> where(EntityManager em, PackageQuery query, Scope scope, List<Long> exactIds,
                                     StringBuilder jpql) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> clauses = new ArrayList<>();
        if (!scope.stores().isEmpty()) {
            clauses.add("s.code IN :scopeStores");
            params.put("scopeStores", List.copyOf(scope.stores()));
        }
        if (!scope.warehouses().isEmpty()) {
            String allocated = "EXISTS (SELECT w FROM WarehouseEntity w WHERE w = p.warehouse AND w.code IN :scopeWh)";
            params.put("scopeWh", List.copyOf(scope.warehouses()));
            if (scope.storesOfWarehouse().isEmpty()) {
                clauses.add(allocated);
            } else {
                clauses.add("(" + allocated + " OR (p.warehouse IS NULL AND s.code IN :scopeWhStores))");
                params.put("scopeWhStores", List.copyOf(scope.storesOfWarehouse()));
            }
        }
        if (!query.statuses().isEmpty()) {
            clauses.add("p.status IN :statuses");
            params.put("statuses", List.copyOf(query.statuses()));
        }
        if (!query.storeCodes().isEmpty()) {
            if (em == null) {
                clauses.add("s.code IN :stores");
                params.put("stores", List.copyOf(query.storeCodes()));
            } else {
                clauses.add("p.storeId IN :stores");
                params.put("stores", storeIds(em, query.storeCodes()));
            }
        }
        if (!query.countries().isEmpty()) {
            clauses.add((em == null ? "o" : "p") + ".countryCode IN :countries");
            params.put("countries", List.copyOf(query.countries()));
        }
        if (query.text() != null) {
            PackageSearch.text(query.text(), exactIds, clauses, params);
        }
        PackageSearch.filters(query.filters(), clauses, params);
        if (!clauses.isEmpty()) {
            jpql.append(" WHERE ").append(String.join(" AND ", clauses));
        } else if (scope != Scope.NONE) {
            jpql.append(" WHERE 1 = 1");
        }
        return params;
    }

    /** The ids of the stores with these codes (an unknown code matches no package). */
    private static List<Long> storeIds(EntityManager em, Collection<String> codes) {
        List<Long> ids = em.createQuery("SELECT st.id FROM StoreEntity st WHERE st.code IN :codes", Long.class)
                .setParameter("codes", List.copyOf(codes)).getResultList();
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    static String escapeLike(String text) {
        return text.replace("%", "").replace("_", "");
    }

    static String orderBy(List<PackageSort> sort) {
        List<String> keys = new ArrayList<>();
        for (PackageSort s : sort == null ? List.<PackageSort>of() : sort) {
            String column = switch (s.field()) {
                // package no., order no. (as copied onto the package, V38) and weight: served by V38's indexes
                case PACKAGE_NO -> "p.packageNo";
                case ORDER_NO -> "p.orderNo";
                // a store's packages are together (by store id within one name), read per store by byStore
                case STORE -> "s.name" + (s.ascending() ? " ASC" : " DESC") + ", p.storeId";
                // the order's buyer and country as copied onto the package (V35, V37): served by its indexes
                case BUYER -> "p.buyerName";
                case COUNTRY -> "p.countryCode";
                case WEIGHT -> "p.expectedWeightGrams";
                case CREATED -> "p.createdAt";
                case STATUS -> "p.status";
            };
            keys.add(column + (s.ascending() ? " ASC" : " DESC"));
        }
        if (keys.stream().noneMatch(k -> k.startsWith("p.createdAt "))) {
            // ties newest first, as the indexes of the sort keys (V35, V37, V38) are ordered
            keys.add("p.createdAt DESC");
        }
        keys.add("p.id ASC");
        return " ORDER BY " + String.join(", ", keys);
    }

    private static Map<Long, String> skuSummaries(EntityManager em, List<PackageEntity> packages) {
        if (packages.isEmpty()) {
            return Map.of();
        }
        List<Long> orderIds = packages.stream().map(p -> p.getOrder().getId()).distinct().toList();
        return skuSummaries(lines(em, orderIds), unmatchedLines(em, orderIds));
    }

    /** The lines of these orders with their SKUs, by order and line number (one query). */
    private static List<OrderLineEntity> lines(EntityManager em, List<Long> orderIds) {
        return em.createQuery("SELECT l FROM OrderLineEntity l JOIN FETCH l.sku WHERE l.order.id IN :ids "
                + "ORDER BY l.order.id, l.lineNo", OrderLineEntity.class).setParameter("ids", orderIds).getResultList();
    }

    /** A row's SKU summary per order: "A x2, B x1" and then the unmatched lines marked as such. */
    private static Map<Long, String> skuSummaries(List<OrderLineEntity> lines, List<Object[]> unmatched) {
        Map<Long, String> summaries = lines.stream().collect(Collectors.groupingBy(l -> l.getOrder().getId(),
                LinkedHashMap::new, Collectors.mapping(l -> l.getSku().getCode() + " x" + l.getQuantity(),
                        Collectors.joining(", "))));
        for (Object[] u : unmatched) {
            long orderId = ((Number) u[0]).longValue();
            String text = u[1] + " x" + ((Number) u[2]).intValue() + " (" + UNMATCHED_MARK + ")";
            summaries.merge(orderId, text, (a, b) -> a + ", " + b);
        }
        return summaries;
    }

    /**
     * The SKU summaries of the packages of split orders among these (their share of their order's lines, V33); the
     * other packages carry their whole order ({@link #skuSummaries}).
     */
    @SuppressWarnings("unchecked")
    private static Map<Long, String> splitSummaries(EntityManager em, List<Long> packageIds) {
        Map<Long, String> out = new HashMap<>();
        for (int from = 0; from < packageIds.size(); from += 500) {
            List<Long> chunk = packageIds.subList(from, Math.min(packageIds.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            var q = em.createNativeQuery("SELECT x.PACKAGE_ID, s.CODE, x.QUANTITY FROM WB_PACKAGE_LINE x "
                    + "JOIN WB_ORDER_LINE l ON l.ID = x.ORDER_LINE_ID JOIN WB_SKU s ON s.ID = l.SKU_ID "
                    + "WHERE x.PACKAGE_ID IN (" + marks + ") ORDER BY x.PACKAGE_ID, l.LINE_NO");
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
            }
            for (Object[] r : (List<Object[]>) q.getResultList()) {
                out.merge(((Number) r[0]).longValue(), r[1] + " x" + ((Number) r[2]).intValue(),
                        (a, b) -> a + ", " + b);
            }
        }
        return out;
    }

    /** A split package's units by line number of its order (V33); null when it carries its whole order. */
    @SuppressWarnings("unchecked")
    private static Map<Integer, Integer> shareByLineNo(EntityManager em, long packageId) {
        Number split = (Number) em.createNativeQuery("SELECT SPLIT_LINES FROM WB_PACKAGE WHERE ID = ?")
                .setParameter(1, packageId).getSingleResult();
        if (split.intValue() == 0) {
            return null;
        }
        Map<Integer, Integer> out = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery("SELECT l.LINE_NO, x.QUANTITY FROM WB_PACKAGE_LINE x "
                + "JOIN WB_ORDER_LINE l ON l.ID = x.ORDER_LINE_ID WHERE x.PACKAGE_ID = ?").setParameter(1, packageId)
                .getResultList()) {
            out.put(((Number) r[0]).intValue(), ((Number) r[1]).intValue());
        }
        return out;
    }

    /** How a line whose platform SKU is not matched to a product is marked in a row's SKU summary. */
    public static final String UNMATCHED_MARK = "SKU not matched";

    /** ORDER_ID, PLATFORM_SKU, QUANTITY, LINE_NO, UNIT_PRICE, CURRENCY of the unmatched lines of these orders. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> unmatchedLines(EntityManager em, List<Long> orderIds) {
        List<Object[]> out = new ArrayList<>();
        for (int from = 0; from < orderIds.size(); from += 500) {
            List<Long> chunk = orderIds.subList(from, Math.min(orderIds.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            var q = em.createNativeQuery("SELECT ORDER_ID, PLATFORM_SKU, QUANTITY, LINE_NO, UNIT_PRICE, CURRENCY "
                    + "FROM WB_UNMATCHED_LINE WHERE ORDER_ID IN (" + marks + ") ORDER BY ORDER_ID, LINE_NO");
            for (int i = 0; i < chunk.size(); i++) {
                q.setParameter(i + 1, chunk.get(i));
            }
            out.addAll((List<Object[]>) q.getResultList());
        }
        return out;
    }

    /**
     * Bundle lines with their components: once allocated, what the package reserved for each bundle
     * ({@code WB_PACKAGE_COMPONENT}); before, the catalogue's current components (one level). A bundle without a
     * weight of its own weighs what its components weigh.
     */
    @SuppressWarnings("unchecked")
    private static List<PackageDetail.Line> bundleLines(EntityManager em, long packageId,
                                                        List<PackageDetail.Line> lines) {
        List<Object[]> reserved = em.createNativeQuery("SELECT b.CODE, s.CODE, s.NAME, k.QUANTITY, s.WEIGHT_GRAMS "
                + "FROM WB_PACKAGE_COMPONENT k JOIN WB_SKU b ON b.ID = k.BUNDLE_SKU_ID JOIN WB_SKU s ON s.ID = "
                + "k.COMPONENT_SKU_ID WHERE k.PACKAGE_ID = ? ORDER BY b.CODE, s.CODE").setParameter(1, packageId)
                .getResultList();
        Map<String, List<PackageDetail.Line>> parts = new HashMap<>();
        Map<String, Integer> units = new HashMap<>();
        lines.forEach(l -> units.merge(l.skuCode(), l.quantity(), Integer::sum));
        boolean perLine = reserved.isEmpty();
        if (perLine && !lines.isEmpty()) {
            List<String> codes = lines.stream().map(PackageDetail.Line::skuCode).distinct().toList();
            jakarta.persistence.Query q = em.createNativeQuery("SELECT b.CODE, s.CODE, s.NAME, k.QUANTITY, "
                    + "s.WEIGHT_GRAMS FROM WB_SKU_COMPONENT k JOIN WB_SKU b ON b.ID = k.BUNDLE_SKU_ID JOIN WB_SKU s "
                    + "ON s.ID = k.COMPONENT_SKU_ID WHERE b.CODE IN (" + codes.stream().map(c -> "?").collect(
                    Collectors.joining(", ")) + ") ORDER BY b.CODE, k.POSITION");
            for (int i = 0; i < codes.size(); i++) {
                q.setParameter(i + 1, codes.get(i));
            }
            reserved = q.getResultList();
        }
        if (reserved.isEmpty()) {
            return lines;
        }
        for (Object[] r : reserved) {
            parts.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(new PackageDetail.Line((String) r[1],
                    (String) r[2], ((Number) r[3]).intValue(), ((Number) r[4]).intValue()));
        }
        List<PackageDetail.Line> out = new ArrayList<>(lines.size());
        for (PackageDetail.Line l : lines) {
            List<PackageDetail.Line> p = l.matched() ? parts.get(l.skuCode()) : null;
            if (p == null) {
                out.add(l);
                continue;
            }
            // reserved units are for all lines of the SKU together; catalogue quantities are per bundle unit
            List<PackageDetail.Line> mine = p.stream().map(c -> new PackageDetail.Line(c.skuCode(), c.skuName(),
                    perLine ? c.quantity() * l.quantity() : c.quantity() * l.quantity() / units.get(l.skuCode()),
                    c.weightGrams())).toList();
            int weight = l.weightGrams() > 0 ? l.weightGrams()
                    : mine.stream().mapToInt(c -> c.quantity() * c.weightGrams()).sum() / Math.max(1, l.quantity());
            out.add(new PackageDetail.Line(l.skuCode(), l.skuName(), l.quantity(), weight, l.unitPrice(),
                    l.currency(), l.matched(), mine));
        }
        return out;
    }

    @Override
    public Optional<PackageDetail> detail(long packageId) {
        return db.read(em -> {
            List<PackageEntity> found = em.createQuery("SELECT p FROM PackageEntity p JOIN FETCH p.order o "
                    + "JOIN FETCH o.store WHERE p.id = :id", PackageEntity.class)
                    .setParameter("id", packageId).getResultList();
            if (found.isEmpty()) {
                return Optional.<PackageDetail>empty();
            }
            PackageEntity p = found.get(0);
            var o = p.getOrder();
            // a merge contains the lines of the orders merged into it too (PackageContents), after its own
            List<io.waybill.core.internal.persistence.OrderEntity> orders = new ArrayList<>(List.of(o));
            for (Object id : em.createNativeQuery("SELECT ORDER_ID FROM WB_PACKAGE WHERE MERGED_INTO = ? ORDER BY ID")
                    .setParameter(1, packageId).getResultList()) {
                orders.add(em.find(io.waybill.core.internal.persistence.OrderEntity.class, ((Number) id).longValue()));
            }
            // every order's lines and unmatched lines in one query each (issue 15: the row's SKU summary and the
            // page's lines were read twice, the lines once more per order)
            List<Long> orderIds = orders.stream().map(io.waybill.core.internal.persistence.OrderEntity::getId)
                    .toList();
            List<OrderLineEntity> allLines = lines(em, orderIds);
            List<Object[]> allUnmatched = unmatchedLines(em, orderIds);
            Map<Long, String> skus = skuSummaries(allLines.stream().filter(l -> l.getOrder().getId().equals(
                    o.getId())).toList(), allUnmatched.stream().filter(u -> ((Number) u[0]).longValue() == o.getId())
                    .toList());
            Map<Long, String> shares = splitSummaries(em, List.of(p.getId()));
            PackageRow row = new PackageRow(p.getId(), p.getPackageNo(), o.getOrderNo(), o.getStore().getCode(),
                    o.getStore().getName(), o.getStore().getPlatform(), o.getBuyerName(), o.getCountryCode(),
                    shares.getOrDefault(p.getId(), skus.getOrDefault(o.getId(), "")), p.getExpectedWeightGrams(), p.getCreatedAt(), p.getStatus(),
                    p.getTrackingNo());
            Address shipTo = new Address(o.getBuyerName(), o.getCompany(), o.getLine1(), o.getLine2(), o.getCity(),
                    o.getState(), o.getPostalCode(), o.getCountryCode(), o.getPhone(), o.getEmail());
            record Numbered(int lineNo, PackageDetail.Line line) {
            }
            List<Numbered> numbered = new ArrayList<>();
            // a package of a split order (V33) carries its share of its order's lines only (PackageContents)
            Map<Integer, Integer> share = shareByLineNo(em, packageId);
            for (int i = 0; i < orders.size(); i++) {
                int offset = i * 100_000;
                long orderId = orderIds.get(i);
                boolean split = i == 0 && share != null;
                allLines.stream().filter(l -> l.getOrder().getId() == orderId)
                        .filter(l -> !split || share.containsKey(l.getLineNo()))
                        .forEach(l -> numbered.add(new Numbered(offset + l.getLineNo(), new PackageDetail.Line(
                                l.getSku().getCode(), l.getSku().getName(),
                                split ? share.get(l.getLineNo()) : l.getQuantity(), l.getSku().getWeightGrams(),
                                money(l.getUnitPrice(), l.getCurrency()), l.getCurrency(), true))));
                for (Object[] u : allUnmatched) {
                    if (((Number) u[0]).longValue() != orderId) {
                        continue;
                    }
                    String currency = (String) u[5];
                    numbered.add(new Numbered(offset + ((Number) u[3]).intValue(), new PackageDetail.Line(
                            (String) u[1], null, ((Number) u[2]).intValue(), 0, money(toDecimal(u[4]), currency),
                            currency, false)));
                }
            }
            numbered.sort(java.util.Comparator.comparingInt(Numbered::lineNo));
            List<PackageDetail.Line> lines = bundleLines(em, packageId,
                    numbered.stream().map(Numbered::line).toList());
            OrderValue value = new OrderValue(money(o.getTotal(), o.getCurrency()),
                    money(o.getShippingPaid(), o.getCurrency()), o.getCurrency(),
                    o.getBuyerPhone(), o.getBuyerEmail(), o.getShipBy(), o.getMarketplaceIoss(), o.getBuyerNote());
            List<Object[]> shortageRows = em.createNativeQuery("SELECT s.CODE, x.REQUIRED, x.AVAILABLE "
                    + "FROM WB_PACKAGE_SHORTAGE x JOIN WB_SKU s ON s.ID = x.SKU_ID WHERE x.PACKAGE_ID = ? "
                    + "ORDER BY s.CODE").setParameter(1, packageId).getResultList();
            List<Shortage> shortages = shortageRows.stream()
                    .map(r -> new Shortage((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue()))
                    .toList();
            List<AuditEntry> history = em.createQuery("SELECT a FROM AuditEventEntity a WHERE a.packageId = :id "
                    + "ORDER BY a.at, a.id", AuditEventEntity.class).setParameter("id", packageId).getResultList()
                    .stream()
                    .map(a -> new AuditEntry(a.getAt(), a.getActor(), a.getAction(), status(a.getFromStatus()),
                            status(a.getToStatus()), a.getReason(), a.getReasonCode(),
                            io.waybill.core.model.Reason.decodeParams(a.getReasonParams())))
                    .toList();
            List<?> format = em.createNativeQuery("SELECT FORMAT FROM WB_LABEL WHERE PACKAGE_ID = ?")
                    .setParameter(1, packageId).getResultList();
            return Optional.of(new PackageDetail(row, o.getPlatformOrderId(), o.isCancelled(), shipTo, lines,
                    p.getWarehouse() == null ? null : p.getWarehouse().getCode(), p.getPrintCount(), shortages,
                    history, p.getCarrierId(), format.isEmpty() ? null
                    : LabelDocument.Format.valueOf(String.valueOf(format.get(0))), value));
        });
    }

    /**
     * An amount as stored (scale 4) in its currency's decimals, so 12.5000 USD is 12.50, 1500.0000 JPY is 1500 and
     * 0.6250 KWD is 0.625 (the validator refused more decimals than the currency has).
     */
    private static BigDecimal toDecimal(Object v) {
        return v == null ? null : v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    static BigDecimal money(BigDecimal stored, String currency) {
        if (stored == null) {
            return null;
        }
        int digits = 2;
        try {
            digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (RuntimeException e) {
            // no currency stored: keep two decimals
        }
        BigDecimal v = stored.stripTrailingZeros();
        return v.scale() <= digits ? v.setScale(digits) : v;
    }

    @Override
    public Map<String, Long> idsByNumber(Collection<String> numbers) {
        List<String> cleaned = numbers.stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
                .distinct().toList();
        if (cleaned.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> result = new HashMap<>();
        // two reads, each through its own index: one "packageNo IN :n OR trackingNo IN :n" made Derby scan every
        // package (at 1,000,000 stored, a shell allocate of 10,000 numbers was still resolving them after 19 min).
        // A package number wins over another package's tracking number that reads the same.
        for (int from = 0; from < cleaned.size(); from += 500) {
            List<String> chunk = cleaned.subList(from, Math.min(cleaned.size(), from + 500));
            db.read(em -> {
                for (Object[] r : em.createQuery("SELECT p.packageNo, p.id FROM PackageEntity p "
                        + "WHERE p.packageNo IN :n", Object[].class).setParameter("n", chunk).getResultList()) {
                    result.put((String) r[0], (Long) r[1]);
                }
                List<String> rest = chunk.stream().filter(n -> !result.containsKey(n)).toList();
                if (!rest.isEmpty()) {
                    for (Object[] r : em.createQuery("SELECT p.trackingNo, p.id FROM PackageEntity p "
                            + "WHERE p.trackingNo IN :n", Object[].class).setParameter("n", rest).getResultList()) {
                        result.putIfAbsent((String) r[0], (Long) r[1]);
                    }
                }
                return null;
            });
        }
        return result;
    }

    @Override
    public Map<Long, CarrierLabel> carrierLabels(Collection<Long> packageIds) {
        return Jdbc.inTransaction(db.dataSource(), c -> CarrierLabels.read(c, packageIds));
    }

    private static PackageStatus status(String name) {
        return name == null ? null : PackageStatus.valueOf(name);
    }

    @Override
    public Map<Long, List<Shortage>> shortages(Collection<Long> packageIds) {
        List<Long> ids = packageIds.stream().distinct().toList();
        Map<Long, List<Shortage>> result = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            db.read(em -> {
                var q = em.createNativeQuery("SELECT x.PACKAGE_ID, s.CODE, x.REQUIRED, x.AVAILABLE "
                        + "FROM WB_PACKAGE_SHORTAGE x JOIN WB_SKU s ON s.ID = x.SKU_ID WHERE x.PACKAGE_ID IN ("
                        + marks + ") ORDER BY x.PACKAGE_ID, s.CODE");
                for (int i = 0; i < chunk.size(); i++) {
                    q.setParameter(i + 1, chunk.get(i));
                }
                @SuppressWarnings("unchecked")
                List<Object[]> rows = q.getResultList();
                for (Object[] r : rows) {
                    result.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                            .add(new Shortage((String) r[1], ((Number) r[2]).intValue(), ((Number) r[3]).intValue()));
                }
                return null;
            });
        }
        return result;
    }
}
