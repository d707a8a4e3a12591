package io.waybill.core.internal.store;

import io.waybill.core.internal.plugin.PluginTypes;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.api.Permission;
import io.waybill.core.api.PluginSettingsService;
import io.waybill.core.internal.security.Authorizer;
import io.waybill.core.model.PluginAccount;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.PluginType;
import io.waybill.core.model.SettingField;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carrier accounts and devices in Config Admin, through the form generated from the plugin's Metatype
 * ({@link PluginTypes}) and the same {@link SettingRules} as store accounts. Configurations are created with
 * location {@code "?"} so the plugin bundle binds them, like {@code config:edit --factory}. Secrets go to
 * {@code etc/waybill-secret-<plugin>-<configuration>-<setting>} files and the configuration holds
 * {@code secret-file:<name>}, which the plugin resolves with the plugin kit's {@code SecretFiles}.
 */
@Component(service = PluginSettingsService.class)
public class ConfigAdminPluginSettings implements PluginSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminPluginSettings.class);

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final PluginTypes pluginTypes;
    private final Authorizer authorizer;

    @Activate
    public ConfigAdminPluginSettings(BundleContext context, @Reference ConfigurationAdmin configAdmin,
                                     @Reference PluginTypes pluginTypes, @Reference Authorizer authorizer) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.pluginTypes = pluginTypes;
        this.authorizer = authorizer;
    }

    @Override
    public List<PluginType> types(Locale locale) {
        return pluginTypes.types(locale).stream().filter(t -> t.factory() && t.kind() != PluginInfo.Kind.PLATFORM)
                .toList();
    }

    private PluginType type(String factoryPid) {
        return types(null).stream().filter(t -> t.pid().equals(factoryPid)).findFirst()
                .orElseThrow(() -> new OperationRefusedException(UNKNOWN_TYPE, "No installed carrier or device plugin "
                        + "has the factory configuration '" + (factoryPid == null ? "" : factoryPid.strip()) + "'."));
    }

    @Override
    public List<PluginAccount> accounts(String factoryPid) {
        PluginType type = type(factoryPid);
        List<PluginAccount> result = new ArrayList<>();
        for (Configuration c : configurations("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                + ConfigAdminStoreAccounts.escape(type.pid()) + ")")) {
            result.add(account(type, c));
        }
        result.sort(Comparator.comparing(PluginAccount::pid));
        return result;
    }

    private static PluginAccount account(PluginType type, Configuration c) {
        Dictionary<String, Object> props = c.getProperties();
        Map<String, String> values = new HashMap<>();
        Set<String> secrets = new HashSet<>();
        for (SettingField f : type.settings()) {
            Object v = props == null ? null : props.get(f.id());
            String text = text(v);
            if (f.secret()) {
                if (text != null && !text.isEmpty()) {
                    secrets.add(f.id());
                }
            } else if (text != null) {
                values.put(f.id(), text);
            }
        }
        return new PluginAccount(type.pid(), c.getPid(), values, secrets);
    }

    @Override
    public PluginAccount save(String factoryPid, String pid, Map<String, String> settings, String actor) {
        authorizer.require(actor, Permission.CONFIGURE_PLUGINS);
        PluginType type = type(factoryPid);
        Configuration existing = pid == null || pid.isBlank() ? null : find(type, pid.strip());
        PluginAccount before = existing == null ? null : account(type, existing);
        List<String> problems = new ArrayList<>();
        SettingRules.Values checked = SettingRules.check(type.name(), type.settings(),
                settings == null ? Map.of() : settings, before == null ? Set.of() : before.secretsSet(),
                existing != null, problems);
        if (!problems.isEmpty()) {
            throw new OperationRefusedException(INVALID, type.name() + " settings not saved: "
                    + String.join("; ", problems) + ".");
        }
        try {
            Configuration c = existing != null ? existing : configAdmin.createFactoryConfiguration(type.pid(), "?");
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            checked.values().forEach((k, v) -> {
                if (v == null) {
                    props.remove(k);
                } else {
                    props.put(k, v);
                }
            });
            if (!checked.secrets().isEmpty()) {
                SecretFiles files = secretFiles();
                for (Map.Entry<String, String> e : checked.secrets().entrySet()) {
                    props.put(e.getKey(), files.write(secretName(type, c.getPid(), e.getKey()), e.getValue()));
                }
            }
            c.update(props);
            LOG.info("{} configuration {} {} by {} (settings {}, secrets in files, not in the configuration)",
                    type.name(), c.getPid(), existing == null ? "created" : "changed", actor,
                    checked.values().keySet());
            return account(type, c);
        } catch (IOException e) {
            throw new OperationRefusedException("settings_not_saved", "The " + type.name() + " settings could not be"
                    + " saved: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    @Override
    public void delete(String pid, String actor) {
        authorizer.require(actor, Permission.CONFIGURE_PLUGINS);
        String wanted = pid == null ? "" : pid.strip();
        for (PluginType type : types(null)) {
            for (Configuration c : configurations("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                    + ConfigAdminStoreAccounts.escape(type.pid()) + ")")) {
                if (c.getPid().equals(wanted)) {
                    try {
                        c.delete();
                        SecretFiles files = secretFiles();
                        for (SettingField f : type.settings()) {
                            if (f.secret()) {
                                files.delete(secretName(type, wanted, f.id()));
                            }
                        }
                        LOG.info("{} configuration {} deleted by {}", type.name(), wanted, actor);
                        return;
                    } catch (IOException e) {
                        throw new OperationRefusedException("settings_not_deleted", "Configuration " + wanted
                                + " could not be deleted: " + e.getClass().getSimpleName() + " " + e.getMessage());
                    }
                }
            }
        }
        throw new OperationRefusedException(UNKNOWN, "No carrier or device configuration '" + wanted + "'.");
    }

    /** The secret file of a setting: {@code waybill-secret-<plugin>-<configuration>-<setting>}. */
    static String secretName(PluginType type, String pid, String settingId) {
        String own = pid.startsWith(type.pid()) ? pid.substring(type.pid().length()) : pid;
        return SecretFiles.name(type.kind().name() + "-" + type.id(), own, settingId);
    }

    private Configuration find(PluginType type, String pid) {
        for (Configuration c : configurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID + "="
                + ConfigAdminStoreAccounts.escape(type.pid()) + ")(" + Constants.SERVICE_PID + "="
                + ConfigAdminStoreAccounts.escape(pid) + "))")) {
            return c;
        }
        throw new OperationRefusedException(UNKNOWN, "No " + type.name() + " configuration '" + pid + "'.");
    }

    private List<Configuration> configurations(String filter) {
        try {
            Configuration[] found = configAdmin.listConfigurations(filter);
            return found == null ? List.of() : Arrays.asList(found);
        } catch (IOException | InvalidSyntaxException e) {
            throw new OperationRefusedException("settings_not_read", "Plugin configurations could not be read: "
                    + e.getMessage());
        }
    }

    private SecretFiles secretFiles() {
        String dir = context.getProperty(SecretFiles.SECRETS_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = context.getProperty("karaf.etc");
        }
        if (dir == null || dir.isBlank()) {
            throw new OperationRefusedException("no_secrets_dir", "Secrets cannot be stored: the framework property "
                    + SecretFiles.SECRETS_DIR_PROPERTY + " (Karaf's etc/config.properties) is not set.");
        }
        return new SecretFiles(Path.of(dir));
    }

    private static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                parts.add(String.valueOf(Array.get(v, i)));
            }
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }
}
