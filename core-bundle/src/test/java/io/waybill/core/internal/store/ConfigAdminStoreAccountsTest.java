package io.waybill.core.internal.store;

import io.waybill.core.model.SettingField;
import org.junit.jupiter.api.Test;
import org.osgi.service.metatype.AttributeDefinition;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Metatype attributes to setting fields: type, required, default, options; and the LDAP filter escaping. */
class ConfigAdminStoreAccountsTest {

    private static AttributeDefinition attribute(String id, String name, int type, String[] defaults,
                                                 String[] options) {
        return new AttributeDefinition() {
            public String getName() { return name; }
            public String getID() { return id; }
            public String getDescription() { return null; }
            public int getCardinality() { return 0; }
            public int getType() { return type; }
            public String[] getOptionValues() { return options; }
            public String[] getOptionLabels() { return options; }
            public String validate(String value) { return null; }
            public String[] getDefaultValue() { return defaults; }
        };
    }

    @Test
    void metatypeAttributesBecomeSettingFields() {
        SettingField token = ConfigAdminStoreAccounts.field(attribute(".accessToken", "Admin API access token",
                AttributeDefinition.PASSWORD, null, null), true);
        assertEquals(new SettingField(".accessToken", "Admin API access token", "", SettingField.Type.PASSWORD, true,
                null, List.of()), token);
        assertTrue(token.secret());
        assertEquals(SettingField.Type.INTEGER, ConfigAdminStoreAccounts.field(attribute("pageSize", "Orders per page",
                AttributeDefinition.INTEGER, new String[] {"50"}, null), true).type());
        assertEquals("50", ConfigAdminStoreAccounts.field(attribute("pageSize", "Orders per page",
                AttributeDefinition.INTEGER, new String[] {"50"}, null), true).defaultValue());
        assertEquals(SettingField.Type.DECIMAL, ConfigAdminStoreAccounts.field(attribute("restoreRate", "r",
                AttributeDefinition.DOUBLE, null, null), true).type());
        SettingField bool = ConfigAdminStoreAccounts.field(attribute("notifyCustomer", "Notify customer",
                AttributeDefinition.BOOLEAN, new String[] {"false"}, null), true);
        assertEquals(SettingField.Type.BOOLEAN, bool.type());
        assertFalse(bool.required(), "a checkbox always has a value");
        assertEquals(List.of("EBAY_US", "EBAY_DE"), ConfigAdminStoreAccounts.field(attribute("marketplaceId", "m",
                AttributeDefinition.STRING, null, new String[] {"EBAY_US", "EBAY_DE"}), false).options());
    }

    @Test
    void storeCodesAreEscapedInFilters() {
        assertEquals("A\\(1\\)\\*\\\\", ConfigAdminStoreAccounts.escape("A(1)*\\"));
    }
}
