package io.waybill.core.internal.lifecycle;

import io.waybill.core.model.PackageStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one way the core writes a package's status. A gate is the guarded update for one target status, built from
 * {@link PackageLifecycle}:
 *
 * <pre>UPDATE WB_PACKAGE SET STATUS = '&lt;to&gt;'[, extra assignments], VERSION = VERSION + 1
 *  WHERE STATUS IN (&lt;allowed predecessors of to&gt;)[ AND extra conditions] AND ID = ?</pre>
 *
 * so a concurrent change can never slip an illegal transition through: the database refuses it (no row updated)
 * and the caller answers with its failure code. Parameters: the caller binds those of its extra assignments and
 * conditions, in that order, from 1; {@link #apply} binds the id last and runs the update.
 */
public final class StatusGate {
    private final PackageStatus to;
    private final Set<PackageStatus> from;
    private final String assignments;
    private final String conditions;
    private final String sql;
    private final int idIndex;

    private StatusGate(PackageStatus to, Set<PackageStatus> from, String assignments, String conditions) {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("no status may move to " + to);
        }
        this.to = to;
        this.from = from;
        this.assignments = assignments;
        this.conditions = conditions;
        this.sql = "UPDATE WB_PACKAGE SET STATUS = '" + to.name() + "'"
                + (assignments.isEmpty() ? "" : ", " + assignments) + ", VERSION = VERSION + 1 WHERE STATUS IN ("
                + from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ")) + ")"
                + (conditions.isEmpty() ? "" : " AND " + conditions) + " AND ID = ?";
        this.idIndex = count(assignments) + count(conditions) + 1;
    }

    /** The gate of the moves to {@code to} from every status the lifecycle allows. */
    public static StatusGate to(PackageStatus to) {
        return new StatusGate(to, PackageLifecycle.sourcesOf(to), "", "");
    }

    /**
     * The gate of "Undo merge": from {@link PackageStatus#MERGED} back to {@code to}, the merged package's status
     * ({@link PackageLifecycle#canRestore}); the one move out of MERGED, kept out of {@link #to} so no other step
     * can take a merged package.
     */
    public static StatusGate restoreFromMerge(PackageStatus to) {
        if (!PackageLifecycle.canRestore(to)) {
            throw new IllegalArgumentException("a merged package cannot be restored to " + to);
        }
        return new StatusGate(to, java.util.EnumSet.of(PackageStatus.MERGED), "", "");
    }

    /**
     * The gate of "Undo split" when the packages of the split are at different steps (issue 14): the package the
     * others join back into goes to {@code to} ({@link PackageStatus#WAITING}, or {@link PackageStatus#HELD} when one
     * of them was held for review) from any step before upload but an unmatched SKU, its reservation released by the
     * caller, to be allocated again as a whole. Kept out of {@link #to}: no other step takes an allocated package
     * back to waiting.
     */
    public static StatusGate joinSplitBack(PackageStatus to) {
        if (to != PackageStatus.WAITING && to != PackageStatus.HELD) {
            throw new IllegalArgumentException("a split is joined back to waiting or held, not " + to);
        }
        EnumSet<PackageStatus> from = EnumSet.copyOf(PackageLifecycle.EDITABLE_BEFORE_UPLOAD);
        from.remove(PackageStatus.SKU_UNMATCHED);
        return new StatusGate(to, from, "", "");
    }

    /**
     * The gate of voiding a merged parcel: the packages merged into it (status {@link PackageStatus#MERGED}) go to
     * {@link PackageStatus#VOIDED} with it, so no buyer's order is left merged into a parcel that never ships. The
     * other move out of MERGED besides {@link #restoreFromMerge}, and like it kept out of {@link #to}.
     */
    public static StatusGate voidWithMergeTarget() {
        return new StatusGate(PackageStatus.VOIDED, java.util.EnumSet.of(PackageStatus.MERGED), "", "");
    }

    /**
     * Only from these statuses (each must be an allowed predecessor, or {@code to} itself when it stays put, see
     * {@link #orStaying}).
     */
    public StatusGate from(PackageStatus first, PackageStatus... more) {
        Set<PackageStatus> only = EnumSet.of(first, more);
        for (PackageStatus s : only) {
            if (!from.contains(s)) {
                throw new IllegalArgumentException(s + " -> " + to + " is not a move of the package lifecycle");
            }
        }
        return new StatusGate(to, only, assignments, conditions);
    }

    /**
     * Also lets a package already in {@code to} be written again (its other columns change, its status stays):
     * carrier results and re-captured order lines that leave the status as it is.
     */
    public StatusGate orStaying() {
        Set<PackageStatus> with = EnumSet.copyOf(from);
        with.add(to);
        return new StatusGate(to, with, assignments, conditions);
    }

    /** Further columns set by the same update, e.g. {@code "WAREHOUSE_ID = ?, UPDATED_AT = ?"}. */
    public StatusGate set(String moreAssignments) {
        return new StatusGate(to, from, moreAssignments, conditions);
    }

    /** Further conditions, e.g. {@code "VERSION = ?"}. */
    public StatusGate where(String moreConditions) {
        return new StatusGate(to, from, assignments, moreConditions);
    }

    public PackageStatus target() {
        return to;
    }

    /** The statuses this gate lets through. */
    public Set<PackageStatus> sources() {
        return EnumSet.copyOf(from);
    }

    public String sql() {
        return sql;
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(sql);
    }

    /**
     * Binds the package id (after the caller's parameters) and runs the update.
     *
     * @return whether the package moved; false when its status (or an extra condition) refused it
     */
    public boolean apply(PreparedStatement ps, long packageId) throws SQLException {
        ps.setLong(idIndex, packageId);
        return ps.executeUpdate() == 1;
    }

    private static int count(String sqlPart) {
        int n = 0;
        for (int i = 0; i < sqlPart.length(); i++) {
            if (sqlPart.charAt(i) == '?') {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return sql;
    }
}
