package io.waybill.core.internal.store;

import io.waybill.core.internal.plugin.PluginTypes;
import io.waybill.core.api.OperationRefusedException;
import io.waybill.core.model.PlatformType;
import io.waybill.core.model.PluginInfo;
import io.waybill.core.model.PluginType;
import io.waybill.core.model.SettingField;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Store accounts in Config Admin, described by the plugins' Metatype. A platform plugin is a bundle whose Metatype
 * describes a PID {@code io.waybill.platform.<id>}: a factory PID with a {@code storeCode} attribute is a marketplace
 * whose accounts are one factory configuration per store; a singleton PID (e.g. the CSV order files) is a platform
 * without accounts. Plugin bundles are found whether or not any account is configured: Metatype is read from the
 * installed bundles, not from registered services. Configurations are created with location {@code "?"} so the
 * plugin bundle (not the core) binds them, exactly like {@code config:edit --factory} does.
 *
 * <p>A secret typed in clear into a store account with {@code config:edit} / {@code config:property-set} is moved
 * out as soon as the configuration is saved: this listener writes it to its secret file and replaces the value by
 * the reference {@code secret-file:<name>}, so {@code config:list} and the {@code .cfg} file do not keep it.
 */
@Component(service = {StoreAccounts.class, PluginTypes.class, ConfigurationListener.class})
public class ConfigAdminStoreAccounts implements StoreAccounts, PluginTypes, ConfigurationListener {

    static final String PREFIX = "io.waybill.platform.";
    static final String STORE_CODE = "storeCode";
    private static final Logger LOG = LoggerFactory.getLogger(ConfigAdminStoreAccounts.class);

    private final BundleContext context;
    private final ConfigurationAdmin configAdmin;
    private final MetaTypeService metaType;

    @Activate
    public ConfigAdminStoreAccounts(BundleContext context, @Reference ConfigurationAdmin configAdmin,
                                    @Reference MetaTypeService metaType) {
        this.context = context;
        this.configAdmin = configAdmin;
        this.metaType = metaType;
    }

    @Override
    public List<PlatformType> platforms(Locale locale) {
        String localeName = metatypeLocale(locale);
        Map<String, PlatformType> found = new LinkedHashMap<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.UNINSTALLED || b.getBundleId() == 0) {
                continue;
            }
            MetaTypeInformation info;
            try {
                info = metaType.getMetaTypeInformation(b);
            } catch (RuntimeException e) {
                continue;
            }
            if (info == null) {
                continue;
            }
            for (String pid : nonNull(info.getFactoryPids())) {
                if (pid.startsWith(PREFIX)) {
                    type(info, pid, true, b, localeName).ifPresent(t -> found.putIfAbsent(t.id(), t));
                }
            }
            for (String pid : nonNull(info.getPids())) {
                if (pid.startsWith(PREFIX)) {
                    type(info, pid, false, b, localeName).ifPresent(t -> found.putIfAbsent(t.id(), t));
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(PlatformType::id)).toList();
    }

    private static final Map<String, PluginInfo.Kind> KINDS = Map.of("io.waybill.carrier.", PluginInfo.Kind.CARRIER,
            PREFIX, PluginInfo.Kind.PLATFORM, "io.waybill.device.", PluginInfo.Kind.DEVICE);

    @Override
    public List<PluginType> types(Locale locale) {
        String localeName = metatypeLocale(locale);
        Map<String, PluginType> found = new LinkedHashMap<>();
        long core = context.getBundle().getBundleId();
        for (Bundle b : context.getBundles()) {
            // the core's own settings (the carrier job worker's io.waybill.carrier.worker) are no plugin type
            if (b.getState() == Bundle.UNINSTALLED || b.getBundleId() == 0 || b.getBundleId() == core) {
                continue;
            }
            MetaTypeInformation info;
            try {
                info = metaType.getMetaTypeInformation(b);
            } catch (RuntimeException e) {
                continue;
            }
            if (info == null) {
                continue;
            }
            for (boolean factory : new boolean[] {true, false}) {
                for (String pid : nonNull(factory ? info.getFactoryPids() : info.getPids())) {
                    KINDS.forEach((prefix, kind) -> {
                        if (pid.startsWith(prefix) && pid.length() > prefix.length()) {
                            pluginType(info, pid, prefix, kind, factory, b, localeName)
                                    .ifPresent(t -> found.putIfAbsent(kind + ":" + t.id(), t));
                        }
                    });
                }
            }
        }
        return found.values().stream().sorted(Comparator.comparing(PluginType::kind)
                .thenComparing(PluginType::id)).toList();
    }

    private static Optional<PluginType> pluginType(MetaTypeInformation info, String pid, String prefix,
                                                   PluginInfo.Kind kind, boolean factory, Bundle b, String locale) {
        ObjectClassDefinition ocd;
        try {
            ocd = info.getObjectClassDefinition(pid, locale);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (ocd == null) {
            return Optional.empty();
        }
        AttributeDefinition[] all = nonNull(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL),
                AttributeDefinition.class);
        Set<String> required = new HashSet<>();
        for (AttributeDefinition a : nonNull(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED),
                AttributeDefinition.class)) {
            required.add(a.getID());
        }
        List<SettingField> fields = new ArrayList<>();
        for (AttributeDefinition a : all) {
            fields.add(field(a, required.contains(a.getID())));
        }
        String id = pid.substring(prefix.length());
        return Optional.of(new PluginType(kind, id, ocd.getName() == null ? id : ocd.getName(), ocd.getDescription(),
                pid, factory, b.getSymbolicName(), fields));
    }

    /**
     * The Metatype locale string of a locale ({@code zh_CN}); the Metatype service falls back along the usual
     * resource-bundle chain to the plugin's default {@code bundle.properties}. Null: the default labels.
     */
    static String metatypeLocale(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty()) {
            return null;
        }
        return locale.getCountry().isEmpty() ? locale.getLanguage() : locale.getLanguage() + "_" + locale.getCountry();
    }

    private static Optional<PlatformType> type(MetaTypeInformation info, String pid, boolean factory, Bundle b,
                                               String locale) {
        ObjectClassDefinition ocd;
        try {
            ocd = info.getObjectClassDefinition(pid, locale);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (ocd == null) {
            return Optional.empty();
        }
        AttributeDefinition[] all = nonNull(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL), AttributeDefinition.class);
        Set<String> required = new HashSet<>();
        for (AttributeDefinition a : nonNull(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED),
                AttributeDefinition.class)) {
            required.add(a.getID());
        }
        boolean account = factory && Arrays.stream(all).anyMatch(a -> STORE_CODE.equals(a.getID()));
        if (factory && !account) {
            return Optional.empty();
        }
        List<SettingField> fields = new ArrayList<>();
        if (account) {
            for (AttributeDefinition a : all) {
                if (!STORE_CODE.equals(a.getID())) {
                    fields.add(field(a, required.contains(a.getID())));
                }
            }
        }
        String id = pid.substring(PREFIX.length());
        return Optional.of(new PlatformType(id, ocd.getName() == null ? id : ocd.getName(), ocd.getDescription(),
                account ? pid : null, b.getSymbolicName(), fields));
    }

    static SettingField field(AttributeDefinition a, boolean required) {
        SettingField.Type type = switch (a.getType()) {
            case AttributeDefinition.PASSWORD -> SettingField.Type.PASSWORD;
            case AttributeDefinition.BOOLEAN -> SettingField.Type.BOOLEAN;
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                 AttributeDefinition.BYTE -> SettingField.Type.INTEGER;
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> SettingField.Type.DECIMAL;
            default -> SettingField.Type.TEXT;
        };
        String[] defaults = a.getDefaultValue();
        String def = defaults == null || defaults.length == 0 ? null : defaults[0];
        List<String> options = a.getOptionValues() == null ? List.of() : List.of(a.getOptionValues());
        return new SettingField(a.getID(), a.getName() == null ? a.getID() : a.getName(), a.getDescription(), type,
                required && type != SettingField.Type.BOOLEAN, def, options);
    }

    @Override
    public Optional<Account> read(PlatformType type, String storeCode) {
        return configuration(type, storeCode).map(c -> {
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
            return new Account(values, secrets);
        });
    }

    @Override
    public void write(PlatformType type, String storeCode, Map<String, Object> values, Map<String, String> secrets) {
        SecretFiles files = secretFiles();
        try {
            Configuration c = configuration(type, storeCode).orElse(null);
            if (c == null) {
                c = configAdmin.createFactoryConfiguration(type.factoryPid(), "?");
            }
            Dictionary<String, Object> props = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
            props.put(STORE_CODE, storeCode);
            for (Map.Entry<String, Object> e : values.entrySet()) {
                if (e.getValue() == null) {
                    props.remove(e.getKey());
                } else {
                    props.put(e.getKey(), e.getValue());
                }
            }
            for (Map.Entry<String, String> e : secrets.entrySet()) {
                props.put(e.getKey(), files.write(SecretFiles.name(type.id(), storeCode, e.getKey()), e.getValue()));
            }
            c.update(props);
            LOG.info("Store {}: account configuration {} written (secrets in files of {}, not in the configuration)",
                    storeCode, c.getPid(), files.dir());
        } catch (IOException e) {
            // never the secret: the exception texts name files and PIDs only
            throw new OperationRefusedException("account_not_saved", "The " + type.name() + " settings of store "
                    + storeCode + " could not be saved: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    @Override
    public void delete(PlatformType type, String storeCode) {
        try {
            Optional<Configuration> c = configuration(type, storeCode);
            if (c.isPresent()) {
                c.get().delete();
            }
            SecretFiles files = secretFiles();
            for (SettingField f : type.settings()) {
                if (f.secret()) {
                    files.delete(SecretFiles.name(type.id(), storeCode, f.id()));
                }
            }
            LOG.info("Store {}: account configuration and secret files deleted", storeCode);
        } catch (IOException e) {
            throw new OperationRefusedException("account_not_deleted", "The " + type.name() + " settings of store "
                    + storeCode + " could not be deleted: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (event.getType() != ConfigurationEvent.CM_UPDATED || event.getFactoryPid() == null
                || !event.getFactoryPid().startsWith(PREFIX)) {
            return;
        }
        try {
            PlatformType type = platforms().stream().filter(t -> event.getFactoryPid().equals(t.factoryPid()))
                    .findFirst().orElse(null);
            if (type == null) {
                return;
            }
            Configuration[] found = configAdmin.listConfigurations("(" + Constants.SERVICE_PID + "="
                    + escape(event.getPid()) + ")");
            if (found == null || found.length == 0 || found[0].getProperties() == null) {
                return;
            }
            Configuration c = found[0];
            Dictionary<String, Object> props = c.getProperties();
            Object store = props.get(STORE_CODE);
            Map<String, String> clear = new HashMap<>();
            for (SettingField f : type.settings()) {
                Object v = props.get(f.id());
                if (f.secret() && v instanceof String text && !text.isEmpty() && !SecretFiles.isPlaceholder(text)) {
                    clear.put(f.id(), text);
                }
            }
            if (clear.isEmpty() || store == null || String.valueOf(store).isBlank()) {
                return;
            }
            SecretFiles files = secretFiles();
            for (Map.Entry<String, String> e : clear.entrySet()) {
                props.put(e.getKey(), files.write(SecretFiles.name(type.id(), String.valueOf(store), e.getKey()),
                        e.getValue()));
            }
            c.update(props);
            LOG.info("Configuration {}: secret setting(s) {} moved to secret files; the configuration now holds"
                    + " references", c.getPid(), clear.keySet());
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Configuration {}: could not move its secret settings out of Config Admin: {}", event.getPid(),
                    e.getClass().getSimpleName());
        }
    }

    private SecretFiles secretFiles() {
        String dir = context.getProperty(SecretFiles.SECRETS_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            dir = context.getProperty("karaf.etc"); // where the plugin kit looks too
        }
        if (dir == null || dir.isBlank()) {
            throw new OperationRefusedException("no_secrets_dir", "Secrets cannot be stored: the framework property "
                    + SecretFiles.SECRETS_DIR_PROPERTY + " (Karaf's etc/config.properties) is not set.");
        }
        return new SecretFiles(Path.of(dir));
    }

    private Optional<Configuration> configuration(PlatformType type, String storeCode) {
        if (type.factoryPid() == null) {
            return Optional.empty();
        }
        try {
            Configuration[] found = configAdmin.listConfigurations("(&(" + ConfigurationAdmin.SERVICE_FACTORYPID
                    + "=" + type.factoryPid() + ")(" + STORE_CODE + "=" + escape(storeCode) + "))");
            if (found == null || found.length == 0) {
                return Optional.empty();
            }
            Arrays.sort(found, Comparator.comparing(Configuration::getPid));
            return Optional.of(found[0]);
        } catch (IOException | InvalidSyntaxException e) {
            throw new OperationRefusedException("account_not_read", "The " + type.name() + " settings of store "
                    + storeCode + " could not be read: " + e.getMessage());
        }
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char ch : value.toCharArray()) {
            if (ch == '\\' || ch == '*' || ch == '(' || ch == ')') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
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

    private static String[] nonNull(String[] a) {
        return a == null ? new String[0] : a;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] nonNull(T[] a, Class<T> type) {
        return a == null ? (T[]) Array.newInstance(type, 0) : a;
    }

}
