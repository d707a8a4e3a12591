package io.waybill.core.internal.service;

import io.waybill.core.internal.plugin.PluginRegistryImpl;

import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.StoreService;
import io.waybill.core.internal.Fixtures;
import io.waybill.core.internal.TestDatabase;
import io.waybill.core.internal.db.DatabaseEngine;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.internal.store.StoreAccounts;
import io.waybill.core.model.ConnectionTest;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.SettingField;
import io.waybill.core.model.Store;
import io.waybill.core.model.StoreDraft;
import io.waybill.spi.common.Message;
import io.waybill.spi.common.MessageCodes;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.common.Result;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.StoreContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Store management on Derby: validation, create, edit (secrets kept), disable, Test connection, permission. */
class StoreServiceImplTest {

    private static final String TOKEN = "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";

    /** Store accounts in memory, shaped like the Shopify plugin's Metatype (a PASSWORD .accessToken). */
    static final class MemoryAccounts implements StoreAccounts {
        final PlatformType shopify = new PlatformType("shopify", "Shopify", "Shopify orders",
                "io.waybill.platform.shopify", "io.waybill.platform.shopify", List.of(
                new SettingField("shop", "Shop", "", SettingField.Type.TEXT, true, null, List.of()),
                new SettingField(".accessToken", "Admin API access token", "", SettingField.Type.PASSWORD, true, null,
                        List.of()),
                new SettingField("baseUrl", "API base URL", "", SettingField.Type.TEXT, false, "", List.of()),
                new SettingField("pageSize", "Orders per page", "", SettingField.Type.INTEGER, true, "50", List.of()),
                new SettingField("notifyCustomer", "Notify customer", "", SettingField.Type.BOOLEAN, false, "false",
                        List.of())));
        final PlatformType csv = new PlatformType("csv", "CSV order files", "", null, "io.waybill.platform.csv",
                List.of());
        final Map<String, Map<String, Object>> configs = new HashMap<>();
        final Map<String, String> secretStore = new HashMap<>();

        @Override
        public List<PlatformType> platforms() {
            return List.of(csv, shopify);
        }

        @Override
        public Optional<Account> read(PlatformType type, String storeCode) {
            Map<String, Object> c = configs.get(storeCode);
            if (c == null) {
                return Optional.empty();
            }
            Map<String, String> values = new HashMap<>();
            Set<String> secrets = new HashSet<>();
            c.forEach((k, v) -> {
                if (k.startsWith(".")) {
                    secrets.add(k);
                } else if (!k.equals("storeCode")) {
                    values.put(k, String.valueOf(v));
                }
            });
            return Optional.of(new Account(values, secrets));
        }

        @Override
        public void write(PlatformType type, String storeCode, Map<String, Object> values, Map<String, String> secrets) {
            Map<String, Object> c = configs.computeIfAbsent(storeCode, k -> new HashMap<>());
            c.put("storeCode", storeCode);
            values.forEach((k, v) -> {
                if (v == null) {
                    c.remove(k);
                } else {
                    c.put(k, v);
                }
            });
            secrets.forEach((k, v) -> {
                secretStore.put(storeCode + k, v);
                c.put(k, "secret-file:" + storeCode + k);
            });
        }
    }

    private DatabaseEngine db;
    private StoreServiceImpl service;
    private MemoryAccounts accounts;
    private PluginRegistryImpl registry;

    @BeforeEach
    void open() throws Exception {
        db = TestDatabase.inMemory();
        Fixtures.basic(db);
        service = new StoreServiceImpl(db);
        service.setAuthorizer(TestAuthorizers.of(Map.of("ann", Set.of("admin"), "sam", Set.of("supervisor"))));
        registry = Fixtures.registry();
        service.setPlugins(registry);
        accounts = new MemoryAccounts();
        service.setAccounts(accounts);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static StoreDraft shop(String code, Map<String, String> settings) {
        return new StoreDraft(code, "ACME Global", "shopify", 15, List.of("w2", "W1"), true, settings);
    }

    private static Map<String, String> settings() {
        return Map.of("shop", "acme-global", ".accessToken", TOKEN, "pageSize", "25");
    }

    private int audits(String action) throws Exception {
        return Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_AUDIT_EVENT WHERE ACTION = '" + action + "'");
    }

    @Test
    void createWritesStoreWarehousePriorityAndTypedAccountButNoSecretInStoreOrAudit() throws Exception {
        // when
        Store s = service.create(shop("acme-us", settings()), "ann");

        // then
        assertEquals("ACME-US", s.code());
        assertTrue(s.enabled());
        assertTrue(s.autoSync());
        assertEquals(List.of("W2", "W1"), s.warehouses(), "priority order as entered");
        assertEquals("acme-global", s.settings().get("shop"));
        assertEquals(Set.of(".accessToken"), s.secretsSet());
        assertFalse(s.toString().contains(TOKEN), "a store never carries its secret");
        assertEquals(25, accounts.configs.get("ACME-US").get("pageSize"), "typed for Config Admin");
        assertEquals(TOKEN, accounts.secretStore.get("ACME-US.accessToken"));
        assertEquals(1, audits("STORE_CREATED"));
        String reason = Fixtures.string(db, "SELECT REASON FROM WB_AUDIT_EVENT WHERE ACTION = 'STORE_CREATED'");
        assertTrue(reason.contains(".accessToken=(new secret)"), reason);
        assertFalse(reason.contains(TOKEN), reason);
        assertEquals(2, Fixtures.scalar(db, "SELECT PRIORITY FROM WB_STORE_WAREHOUSE sw JOIN WB_STORE s ON "
                + "s.ID = sw.STORE_ID WHERE s.CODE = 'ACME-US' AND sw.WAREHOUSE_ID = 11"));
    }

    @Test
    void everyProblemIsListedInOneReadableRefusalAndNothingIsWritten() throws Exception {
        // given: an unknown warehouse, a missing required setting (shop), a bad number, a repeated warehouse
        StoreDraft bad = new StoreDraft("acme us!", "", "shopify", 2000, List.of("W1", "W9", "w1"), true,
                Map.of(".accessToken", TOKEN, "pageSize", "many", "colour", "red"));

        // when
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.create(bad, "ann"));

        // then
        assertEquals(StoreService.INVALID, e.code());
        String m = e.getMessage();
        assertTrue(m.contains("the code 'ACME US!' must be 1-40 letters"), m);
        assertTrue(m.contains("the name is required"), m);
        assertTrue(m.contains("the capture interval must be 0 (on demand only) to 1440 minutes, not 2000"), m);
        assertTrue(m.contains("unknown warehouse 'W9' in the priority list (known: W1, W2)"), m);
        assertTrue(m.contains("warehouse W1 is listed twice"), m);
        assertTrue(m.contains("the required setting 'Shop' (shop) is missing"), m);
        assertTrue(m.contains("setting 'Orders per page' must be a whole number, not 'many'"), m);
        assertTrue(m.contains("the Shopify plugin has no setting 'colour'"), m);
        assertFalse(m.contains(TOKEN), m);
        assertEquals(1, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_STORE"));
        assertTrue(accounts.configs.isEmpty());
        assertEquals(0, audits("STORE_CREATED"));
    }

    @Test
    void aMissingSecretIsRefusedOnCreate() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.create(shop("A1", Map.of("shop", "acme")), "ann"));
        assertTrue(e.getMessage().contains("the required setting 'Admin API access token' (.accessToken) is missing"),
                e.getMessage());
    }

    @Test
    void unknownPlatformAndDuplicateCodeAreRefused() throws Exception {
        // when / then
        OperationRefusedException platform = assertThrows(OperationRefusedException.class, () -> service.create(
                new StoreDraft("X1", "X", "amazon", 15, List.of("W1"), true, Map.of()), "ann"));
        assertEquals(StoreService.UNKNOWN_PLATFORM, platform.code());
        assertEquals("No installed plugin offers platform 'amazon'; installed: csv, shopify.", platform.getMessage());
        OperationRefusedException duplicate = assertThrows(OperationRefusedException.class, () -> service.create(
                new StoreDraft("s1", "Again", "csv", 0, List.of("W1"), true, Map.of()), "ann"));
        assertEquals(StoreService.DUPLICATE, duplicate.code());
        assertEquals("A store with code 'S1' exists already.", duplicate.getMessage());
    }

    @Test
    void aPlatformWithoutAccountsNeedsNoSettings() {
        Store s = service.create(new StoreDraft("files", "Order files", "csv", 0, List.of("W1"), false, Map.of()),
                "ann");
        assertEquals("csv", s.platform());
        assertFalse(s.accountConfigured());
        assertFalse(s.autoSync());
        assertTrue(accounts.configs.isEmpty());
    }

    @Test
    void editKeepsTheSecretWhenLeftBlankAndReplacesItWhenGiven() throws Exception {
        // given
        service.create(shop("ACME-US", settings()), "ann");

        // when: the form sends the secret field empty (it never shows it back)
        Store edited = service.update(new StoreDraft("acme-us", "ACME Global US", null, 30, List.of("W1"), false,
                Map.of("shop", "acme-global", ".accessToken", "", "pageSize", "10")), "ann");

        // then
        assertEquals("ACME Global US", edited.name());
        assertEquals(30, edited.captureIntervalMinutes());
        assertEquals(List.of("W1"), edited.warehouses());
        assertFalse(edited.autoSync());
        assertEquals(Set.of(".accessToken"), edited.secretsSet());
        assertEquals(TOKEN, accounts.secretStore.get("ACME-US.accessToken"), "kept");
        assertEquals(10, accounts.configs.get("ACME-US").get("pageSize"));

        // when: a new token
        service.update(new StoreDraft("ACME-US", "ACME Global US", "shopify", 30, List.of("W1"), false,
                Map.of("shop", "acme-global", ".accessToken", "shpat_new")), "ann");

        // then
        assertEquals("shpat_new", accounts.secretStore.get("ACME-US.accessToken"));
        assertEquals(2, audits("STORE_UPDATED"));
    }

    @Test
    void thePlatformCannotChangeOnEdit() {
        service.create(shop("ACME-US", settings()), "ann");
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.update(
                new StoreDraft("ACME-US", "x", "csv", 0, List.of("W1"), true, Map.of()), "ann"));
        assertTrue(e.getMessage().contains("its platform (shopify) cannot change"), e.getMessage());
    }

    @Test
    void disableAndEnableAreAuditedAndShown() throws Exception {
        // when
        Store disabled = service.setEnabled("s1", false, "ann");

        // then
        assertFalse(disabled.enabled());
        assertEquals(0, Fixtures.scalar(db, "SELECT COUNT(*) FROM WB_STORE WHERE CODE = 'S1' AND ENABLED = TRUE"));
        assertEquals(1, audits("STORE_DISABLED"));
        assertTrue(service.setEnabled("S1", true, "ann").enabled());
        assertEquals(1, audits("STORE_ENABLED"));
        assertEquals(StoreService.UNKNOWN, assertThrows(OperationRefusedException.class,
                () -> service.setEnabled("nope", false, "ann")).code());
    }

    @Test
    void onlyAnAdminManagesStores() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class,
                () -> service.create(shop("ACME-US", settings()), "sam"));
        assertEquals(Permission.NOT_PERMITTED, e.code());
        assertThrows(OperationRefusedException.class, () -> service.setEnabled("S1", false, "sam"));
        assertThrows(OperationRefusedException.class, () -> service.testConnection("S1", "sam"));
    }

    @Test
    void testConnectionAsksTheStoresConnectorAndReportsItsAnswer() {
        // given
        service.create(shop("ACME-US", settings()), "ann");
        List<String> asked = new java.util.ArrayList<>();
        MarketplaceConnector connector = new MarketplaceConnector() {
            @Override
            public PluginDescriptor descriptor() {
                return new PluginDescriptor("shopify", "Shopify", "");
            }

            @Override
            public Result<String> testConnection(StoreContext store) {
                asked.add(store.storeCode());
                return asked.size() == 1 ? Result.ok("Connected to Shopify shop Snowdevil.")
                        : Result.failure(Message.error(MessageCodes.AUTH_FAILED, "Shopify refused the access token."));
            }
        };
        registry.bindPlatform(Fixtures.reference(), connector);

        // when
        ConnectionTest green = service.testConnection("acme-us", "ann");
        ConnectionTest red = service.testConnection("ACME-US", "ann");

        // then
        assertEquals(new ConnectionTest(true, null, "Connected to Shopify shop Snowdevil."), green);
        assertEquals(new ConnectionTest(false, MessageCodes.AUTH_FAILED, "Shopify refused the access token."), red);
        assertEquals(List.of("ACME-US", "ACME-US"), asked);
    }

    @Test
    void testConnectionWithoutAConnectorSaysWhy() throws Exception {
        // given: a store whose account was never configured (e.g. created by the demo)
        Fixtures.exec(db, "UPDATE WB_STORE SET PLATFORM = 'shopify' WHERE CODE = 'S1'");

        // when
        ConnectionTest t = service.testConnection("S1", "ann");

        // then
        assertFalse(t.ok());
        assertEquals("Store S1 has no Shopify account yet: fill in its settings first.", t.text());
    }

    @Test
    void platformsIncludeRegisteredPluginsWithoutMetatype() {
        registry.bindPlatform(Fixtures.reference(), () -> new PluginDescriptor("acme-market", "ACME Market", ""));
        assertEquals(List.of("acme-market", "csv", "shopify"), service.platforms().stream().map(PlatformType::id).toList());
    }
}
