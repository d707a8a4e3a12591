package io.waybill.core.internal.lifecycle;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PackageStatus;
import io.waybill.core.model.Reason;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The one check in the database before a package's ship-to address or customs declaration changes (the review
 * queue's edits, issue 14): it locks the package's row for the rest of the transaction (so an upload queued at the
 * same time waits for the edit, or the edit for the upload), then applies {@link PackageLifecycle#checkEditable} to
 * its status and to whether a carrier job of it is queued or running. Nothing is written when it refuses.
 */
public final class EditGate {

    private EditGate() {
    }

    /** The package an edit may change: its number and status. */
    public record Editable(long id, String packageNo, PackageStatus status) {
    }

    /**
     * Locks the package and checks that its {@code what} ({@link PackageLifecycle#EDIT_SHIP_TO},
     * {@link PackageLifecycle#EDIT_DECLARATION}) may change now.
     *
     * @throws OperationRefusedException {@code unknown_package}, {@code edit_locked} or {@code upload_in_progress}
     */
    public static Editable lock(Connection c, long packageId, String what) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE WB_PACKAGE SET VERSION = VERSION WHERE ID = ?")) {
            lock.setLong(1, packageId);
            lock.executeUpdate();
        }
        String no;
        PackageStatus status;
        try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO, STATUS FROM WB_PACKAGE WHERE ID = ?")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new OperationRefusedException(Reason.of(Reason.UNKNOWN_PACKAGE_ID, packageId));
                }
                no = rs.getString(1);
                status = PackageStatus.valueOf(rs.getString(2));
            }
        }
        PackageLifecycle.checkEditable(no, status, PackageLifecycle.canEdit(status) && openJob(c, packageId), what);
        return new Editable(packageId, no, status);
    }

    private static boolean openJob(Connection c, long packageId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM WB_CARRIER_JOB WHERE PACKAGE_ID = ? "
                + "AND STATE IN ('QUEUED', 'RUNNING')")) {
            ps.setLong(1, packageId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }
}
