package io.waybill.core.internal.store;

import io.waybill.core.internal.plugin.PluginTypes;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.PluginSettingsService;
import io.waybill.core.internal.security.TestAuthorizers;
import io.waybill.core.model.PluginAccount;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.PluginType;
import io.waybill.core.model.SettingField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Carrier accounts and scales through the generated settings form: the same rules as store accounts, one factory
 * configuration each (location "?"), secrets only in files that the configuration references.
 */
class ConfigAdminPluginSettingsTest {

    static final String SHIPPO = "io.waybill.carrier.shippo";
    static final String TOKEN = "shippo_test_0123456789";

    /** A Config Admin in memory: factory configurations with their properties and bound location. */
    static final class Store {
        final Map<String, Dictionary<String, Object>> props = new LinkedHashMap<>();
        final Map<String, String> factoryOf = new LinkedHashMap<>();
        final Map<String, String> location = new LinkedHashMap<>();
        int created;

        Configuration configuration(String pid) {
            return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Configuration.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getPid" -> pid;
                        case "getFactoryPid" -> factoryOf.get(pid);
                        case "getProperties" -> props.get(pid) == null ? null : copy(props.get(pid));
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> d = (Dictionary<String, Object>) args[0];
                            props.put(pid, copy(d));
                            yield null;
                        }
                        case "delete" -> {
                            props.remove(pid);
                            factoryOf.remove(pid);
                            yield null;
                        }
                        case "hashCode" -> pid.hashCode();
                        case "equals" -> proxy == args[0];
                        case "toString" -> "Configuration " + pid;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        ConfigurationAdmin admin() {
            return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ConfigurationAdmin.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "createFactoryConfiguration" -> {
                            String pid = args[0] + "." + (++created);
                            factoryOf.put(pid, (String) args[0]);
                            location.put(pid, (String) args[1]);
                            yield configuration(pid);
                        }
                        case "listConfigurations" -> list((String) args[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }

        /** Understands the two filters the class uses: factory PID, and factory PID with service.pid. */
        Configuration[] list(String filter) {
            Matcher f = Pattern.compile("service\\.factoryPid=([^)]+)\\)").matcher(filter);
            Matcher p = Pattern.compile("service\\.pid=([^)]+)\\)").matcher(filter);
            String factory = f.find() ? f.group(1) : null;
            String pid = p.find() ? p.group(1) : null;
            List<Configuration> found = new ArrayList<>();
            for (String id : factoryOf.keySet()) {
                if (props.containsKey(id) && factoryOf.get(id).equals(factory) && (pid == null || pid.equals(id))) {
                    found.add(configuration(id));
                }
            }
            return found.isEmpty() ? null : found.toArray(new Configuration[0]);
        }

        static Dictionary<String, Object> copy(Dictionary<String, Object> d) {
            Hashtable<String, Object> t = new Hashtable<>();
            for (var keys = d.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                t.put(k, d.get(k));
            }
            return t;
        }
    }

    @TempDir
    Path etc;
    private Store config;
    private ConfigAdminPluginSettings service;

    static final PluginType SHIPPO_TYPE = new PluginType(PluginInfo.Kind.CARRIER, "shippo", "Shippo", "", SHIPPO, true,
            "io.waybill.carrier.shippo", List.of(
            new SettingField("accountId", "Account id", "", SettingField.Type.TEXT, true, "default", List.of()),
            new SettingField(".apiToken", "API token", "", SettingField.Type.PASSWORD, true, null, List.of()),
            new SettingField("carrierAccount", "Carrier account", "", SettingField.Type.TEXT, true, null, List.of()),
            new SettingField("duplicateCheckHours", "Duplicate check (hours)", "", SettingField.Type.INTEGER, true,
                    "24", List.of())));

    @BeforeEach
    void open() {
        config = new Store();
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, m, args) -> "getProperty".equals(m.getName())
                        && "karaf.etc".equals(args[0]) ? etc.toString() : null);
        PluginTypes types = locale -> List.of(SHIPPO_TYPE,
                new PluginType(PluginInfo.Kind.CARRIER, "pool", "Pool", "", "io.waybill.carrier.pool", false,
                        "io.waybill.carrier.pool", List.of()),
                new PluginType(PluginInfo.Kind.PLATFORM, "shopify", "Shopify", "", "io.waybill.platform.shopify", true,
                        "io.waybill.platform.shopify", List.of()));
        service = new ConfigAdminPluginSettings(context, config.admin(), types,
                TestAuthorizers.of(Map.of("ann", Set.of("admin"), "sam", Set.of("supervisor"))));
    }

    @Test
    void onlyCarrierAndDeviceFactoriesAreOffered() {
        assertEquals(List.of(SHIPPO_TYPE), service.types(null));
    }

    @Test
    void aNewAccountIsOneFactoryConfigurationWithItsSecretInAFileAndNeverShownBack() throws Exception {
        // when
        PluginAccount saved = service.save(SHIPPO, null, Map.of("accountId", "eu", ".apiToken", TOKEN,
                "carrierAccount", "ca_123", "duplicateCheckHours", "12"), "ann");

        // then
        assertEquals("?", config.location.get(saved.pid()), "bound by the plugin bundle, like config:edit --factory");
        Dictionary<String, Object> props = config.props.get(saved.pid());
        assertEquals("eu", props.get("accountId"));
        assertEquals(12, props.get("duplicateCheckHours"));
        String reference = String.valueOf(props.get(".apiToken"));
        assertTrue(reference.startsWith("secret-file:waybill-secret-carrier-shippo-"), reference);
        assertEquals(TOKEN, Files.readString(etc.resolve(reference.substring("secret-file:".length())),
                StandardCharsets.UTF_8).strip());
        assertEquals(Set.of(".apiToken"), saved.secretsSet());
        assertFalse(saved.values().containsValue(TOKEN));
        assertEquals(List.of(saved), service.accounts(SHIPPO));

        // when: edited with the token left empty: kept
        PluginAccount edited = service.save(SHIPPO, saved.pid(), Map.of("accountId", "eu", "carrierAccount", "ca_9"),
                "ann");
        assertEquals("ca_9", edited.values().get("carrierAccount"));
        assertEquals(reference, String.valueOf(config.props.get(saved.pid()).get(".apiToken")));
        assertEquals(1, config.created);

        // when: deleted: the configuration and the secret file go
        service.delete(saved.pid(), "ann");
        assertEquals(List.of(), service.accounts(SHIPPO));
        assertFalse(Files.exists(etc.resolve(reference.substring("secret-file:".length()))));
    }

    @Test
    void everyProblemIsListedAndNothingIsCreated() {
        OperationRefusedException e = assertThrows(OperationRefusedException.class, () -> service.save(SHIPPO, null,
                Map.of("duplicateCheckHours", "soon", "colour", "red"), "ann"));
        assertEquals(PluginSettingsService.INVALID, e.code());
        assertEquals("Shippo settings not saved: the Shippo plugin has no setting 'colour' (settings: accountId,"
                + " .apiToken, carrierAccount, duplicateCheckHours); the required setting 'API token' (.apiToken) is"
                + " missing; the required setting 'Carrier account' (carrierAccount) is missing; setting 'Duplicate"
                + " check (hours)' must be a whole number, not 'soon'.", e.getMessage());
        assertEquals(0, config.created);
        assertEquals(PluginSettingsService.UNKNOWN_TYPE, assertThrows(OperationRefusedException.class,
                () -> service.save("io.waybill.platform.shopify", null, Map.of(), "ann")).code());
        assertEquals(PluginSettingsService.UNKNOWN, assertThrows(OperationRefusedException.class,
                () -> service.delete("io.waybill.carrier.shippo.99", "ann")).code());
        assertEquals(Permission.NOT_PERMITTED, assertThrows(OperationRefusedException.class,
                () -> service.save(SHIPPO, null, Map.of(), "sam")).code());
    }
}
