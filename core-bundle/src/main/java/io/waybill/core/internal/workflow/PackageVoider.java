package io.waybill.core.internal.workflow;

import io.waybill.core.internal.lifecycle.PackageLifecycle;
import io.waybill.core.internal.lifecycle.StatusGate;
import io.waybill.core.internal.persistence.CarrierLabels;
import io.waybill.core.internal.persistence.Jdbc;
import io.waybill.core.internal.workflow.PackageRows.Claimed;
import io.waybill.core.internal.workflow.PackageRows.Refusal;
import io.waybill.core.model.BatchResult;
import io.waybill.core.model.PackageStatus;
import io.waybill.spi.carrier.ShipmentRef;
import io.waybill.spi.common.Result;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Voids packages, one package per transaction: cancels the shipment at its carrier first when there is one (a
 * refusal there leaves the package as it is), then releases what the package reserved, deletes its carrier label and
 * cancels its queued carrier jobs.
 */
final class PackageVoider {
    private final DataSource ds;
    private final Clock clock;
    private final FulfilmentServiceImpl.CarrierCancel carrierCancel;

    PackageVoider(DataSource ds, Clock clock, FulfilmentServiceImpl.CarrierCancel carrierCancel) {
        this.ds = ds;
        this.clock = clock;
        this.carrierCancel = carrierCancel;
    }

    BatchResult voidPackages(List<Long> packageIds, String why, String who) {
        List<Long> done = new ArrayList<>();
        List<BatchResult.Failure> failures = new ArrayList<>();
        for (Long id : packageIds) {
            try {
                String carrierNote = cancelAtCarrier(id);
                Jdbc.inTransaction(ds, c -> {
                    voidOne(c, id, carrierNote == null ? why : why + " (" + carrierNote + ")", who);
                    return null;
                });
                done.add(id);
            } catch (Refusal r) {
                failures.add(r.failure(id));
            }
        }
        return new BatchResult(packageIds.size(), done, failures);
    }

    /**
     * Cancels the package's shipment at its carrier before voiding, when one exists and has not shipped.
     * Returns a note for the audit log, or null when there was nothing to cancel.
     *
     * @throws Refusal when the carrier refuses (the package is not voided)
     */
    private String cancelAtCarrier(long id) {
        String[] shipment = Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT PACKAGE_NO, STATUS, CARRIER_ID, "
                    + "CARRIER_SHIPMENT_ID, TRACKING_NO FROM WB_PACKAGE WHERE ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)} : null;
                }
            }
        });
        if (shipment == null || shipment[2] == null || (shipment[3] == null && shipment[4] == null)
                || PackageLifecycle.LEFT_WAREHOUSE.contains(PackageStatus.valueOf(shipment[1]))
                || PackageStatus.valueOf(shipment[1]) == PackageStatus.VOIDED) {
            return null;
        }
        Result<Boolean> r = carrierCancel.cancel(shipment[2], new ShipmentRef(shipment[3], shipment[4]));
        if (!r.isOk()) {
            String why = r.messages().stream().map(m -> m.text().isBlank() ? m.code() : m.text())
                    .collect(Collectors.joining("; "));
            throw new Refusal("carrier_refused", shipment[0], "The carrier " + shipment[2] + " refused to cancel "
                    + "the shipment of package " + shipment[0] + ": " + why + ". The package was not voided.");
        }
        return "shipment " + (shipment[4] != null ? shipment[4] : shipment[3]) + " cancelled at " + shipment[2];
    }

    private void voidOne(Connection c, long id, String reason, String actor) throws SQLException {
        Claimed p = PackageRows.claim(c, id, PackageStatus.VOIDED);
        Instant now = clock.instant();
        if (PackageLifecycle.HOLDS_RESERVATION.contains(p.status()) && p.warehouseId() != null) {
            PackageRows.release(c, id, p.orderId(), p.packageNo(), p.warehouseId());
        }
        PackageRows.move(c, p, PackageStatus.VOIDED, p.warehouseId(), now);
        PackageRows.deleteShortages(c, id);
        // the shipment is cancelled: its carrier label must never print again
        CarrierLabels.delete(c, id);
        try (PreparedStatement ps = c.prepareStatement("UPDATE WB_CARRIER_JOB SET STATE = 'CANCELLED', "
                + "UPDATED_AT = ? WHERE PACKAGE_ID = ? AND STATE = 'QUEUED'")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        Jdbc.audit(c, id, p.orderId(), actor, now, "VOIDED", p.status().name(), PackageStatus.VOIDED.name(), reason);
        voidMergedInto(c, id, p.packageNo(), reason, actor, now);
    }

    /**
     * The packages merged into a voided parcel are voided with it (their lines were its contents, released above):
     * each gets its own history line naming the parcel, in the same transaction.
     */
    private static void voidMergedInto(Connection c, long parcelId, String parcelNo, String reason, String actor,
                                       Instant now) throws SQLException {
        List<long[]> members = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, ORDER_ID FROM WB_PACKAGE WHERE MERGED_INTO = ? "
                + "AND STATUS = 'MERGED'")) {
            ps.setLong(1, parcelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
        }
        if (members.isEmpty()) {
            return;
        }
        StatusGate gate = StatusGate.voidWithMergeTarget().set("UPDATED_AT = ?");
        try (PreparedStatement ps = gate.prepare(c)) {
            for (long[] m : members) {
                ps.setTimestamp(1, Timestamp.from(now));
                if (!gate.apply(ps, m[0])) {
                    throw new IllegalStateException("package " + m[0] + " merged into " + parcelNo
                            + " changed while the parcel was voided");
                }
                Jdbc.audit(c, m[0], m[1], actor, now, "VOIDED", PackageStatus.MERGED.name(),
                        PackageStatus.VOIDED.name(), reason + " (" + parcelNo + ")");
            }
        }
    }
}
