package io.waybill.core.internal.carrier;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.ShippingMethodInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place of the rules and the write of a store's shipping method ({@code WB_SHIPPING_METHOD}): used by the
 * shipping settings ({@link CarrierJobs#saveShippingMethod}) and by the store form's default shipping method
 * ({@code StoreServiceImpl}), inside the caller's transaction.
 */
public final class ShippingMethodRows {

    /** The method code a store's default gets when none is named and the store has no default yet. */
    public static final String DEFAULT_CODE = "STANDARD";

    private ShippingMethodRows() {
    }

    /** What is wrong with a method (code, carrier id, service), empty when it is fine. */
    public static List<String> problems(ShippingMethodInfo m) {
        List<String> problems = new ArrayList<>();
        if (m.code() == null || !m.code().strip().matches("[A-Za-z0-9_-]{1,40}")) {
            problems.add("a shipping method code has 1-40 letters, digits, '_' or '-'");
        }
        if (m.carrierId() == null || !m.carrierId().strip().matches("[a-z0-9_.-]{1,60}")) {
            problems.add("the shipping method needs a carrier plugin id (lower-case letters, digits, '_', '.', '-')");
        }
        if (m.serviceCode() != null && m.serviceCode().strip().length() > 60) {
            problems.add("the service code is longer than 60 characters");
        }
        return problems;
    }

    /** Refuses a method that breaks a rule, with the reasons. */
    public static void check(ShippingMethodInfo m) {
        List<String> problems = problems(m);
        if (!problems.isEmpty()) {
            String code = problems.get(0).startsWith("a shipping method code") ? "invalid_code"
                    : problems.get(0).startsWith("the shipping method needs") ? "invalid_carrier" : "invalid_service";
            throw new OperationRefusedException(code, "Shipping method not saved: " + String.join("; ", problems)
                    + ".");
        }
    }

    /**
     * Creates or replaces the store's method (checked before); with {@code isDefault} it becomes the store's only
     * default. Returns the method as stored.
     */
    public static ShippingMethodInfo save(Connection c, long storeId, ShippingMethodInfo m) throws SQLException {
        String code = m.code().strip();
        String carrier = m.carrierId().strip();
        String service = m.serviceCode() == null || m.serviceCode().isBlank() ? null : m.serviceCode().strip();
        if (m.isDefault()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE WB_SHIPPING_METHOD SET IS_DEFAULT = FALSE WHERE STORE_ID = ?")) {
                ps.setLong(1, storeId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement up = c.prepareStatement("UPDATE WB_SHIPPING_METHOD SET CARRIER_ID = ?, "
                + "SERVICE_CODE = ?, IS_DEFAULT = ? WHERE STORE_ID = ? AND CODE = ?")) {
            up.setString(1, carrier);
            up.setString(2, service);
            up.setBoolean(3, m.isDefault());
            up.setLong(4, storeId);
            up.setString(5, code);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("INSERT INTO WB_SHIPPING_METHOD (STORE_ID, CODE, "
                        + "CARRIER_ID, SERVICE_CODE, IS_DEFAULT) VALUES (?, ?, ?, ?, ?)")) {
                    ins.setLong(1, storeId);
                    ins.setString(2, code);
                    ins.setString(3, carrier);
                    ins.setString(4, service);
                    ins.setBoolean(5, m.isDefault());
                    ins.executeUpdate();
                }
            }
        }
        return new ShippingMethodInfo(m.storeCode(), code, carrier, service, m.isDefault());
    }
}
