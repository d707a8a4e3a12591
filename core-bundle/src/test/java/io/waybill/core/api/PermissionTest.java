package io.waybill.core.api;

import io.waybill.core.internal.security.WaybillRoles;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionTest {

    private static Set<Permission> allowed(Set<String> karafRoles) {
        Set<String> roles = WaybillRoles.of(karafRoles);
        EnumSet<Permission> result = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (p.allowedFor(roles)) {
                result.add(p);
            }
        }
        return result;
    }

    @Test
    void theMatrixAsTheReadmeWritesIt() {
        // given the three roles (Karaf realm roles, as users.properties gives them)
        Set<Permission> operator = EnumSet.of(Permission.IMPORT_ORDERS, Permission.EDIT_ADDRESS, Permission.ALLOCATE,
                Permission.UPLOAD_TO_CARRIER, Permission.REFRESH_TRACKING, Permission.MARK_PRINTED,
                Permission.SHIP_WEIGHED, Permission.START_SYNC, Permission.ANNOTATE_PACKAGE, Permission.MERGE_PACKAGES);
        Set<Permission> supervisor = EnumSet.copyOf(operator);
        supervisor.addAll(EnumSet.of(Permission.SET_STOCK, Permission.ADJUST_STOCK, Permission.VOID,
                Permission.SHIP_BATCH, Permission.OVERRIDE_WEIGHT, Permission.SET_TOLERANCE,
                Permission.SET_SHIPPING_METHOD, Permission.SET_SYNC_SETTINGS, Permission.EDIT_CATALOGUE,
                Permission.SET_BIN_LOCATION, Permission.RELEASE_HOLD, Permission.EDIT_PACKAGE));
        // when / then
        assertEquals(operator, allowed(Set.of("operator")));
        assertEquals(supervisor, allowed(Set.of("supervisor")));
        assertEquals(EnumSet.allOf(Permission.class), allowed(Set.of("admin")));
        assertFalse(allowed(Set.of("supervisor")).contains(Permission.MANAGE_WAREHOUSES), "warehouses: admin only");
        assertFalse(allowed(Set.of("supervisor")).contains(Permission.MANAGE_STORES), "stores: admin only");
        assertEquals(EnumSet.noneOf(Permission.class), allowed(Set.of("viewer", "ssh", "manager")));
        assertEquals(EnumSet.noneOf(Permission.class), allowed(Set.of()));
    }

    @Test
    void anOperatorCannotTouchStock() {
        assertFalse(Permission.SET_STOCK.allowedFor(WaybillRoles.of(Set.of("operator", "ssh"))));
        assertFalse(Permission.ADJUST_STOCK.allowedFor(WaybillRoles.of(Set.of("operator"))));
        assertTrue(Permission.ADJUST_STOCK.allowedFor(WaybillRoles.of(Set.of("supervisor"))));
    }
}
