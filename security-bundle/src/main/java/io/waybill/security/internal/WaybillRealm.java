package io.waybill.security.internal;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.HashMap;
import java.util.Map;

/**
 * Realm "karaf" ranked above Karaf's own (rank 0), so the shell's SSH server, {@code jaas:} commands and the UI's
 * login all use it. It is Karaf's realm as configured in {@code etc/org.apache.karaf.jaas.cfg} (same options,
 * public keys, audit modules) with the users-file module replaced by {@link ThrottledPropertiesLoginModule}.
 */
final class WaybillRealm implements JaasRealm {
    static final String NAME = "karaf";
    static final int RANK = 1;
    private final BundleContext context;

    WaybillRealm(BundleContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return RANK;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        JaasRealm karaf = karafRealm();
        if (karaf == null) {
            return new AppConfigurationEntry[0]; // nobody logs in until Karaf's realm is back
        }
        AppConfigurationEntry[] entries = karaf.getEntries();
        AppConfigurationEntry[] result = new AppConfigurationEntry[entries.length];
        for (int i = 0; i < entries.length; i++) {
            AppConfigurationEntry e = entries[i];
            if (PropertiesLoginModule.class.getName().equals(e.getOptions().get(ProxyLoginModule.PROPERTY_MODULE))) {
                Map<String, Object> options = new HashMap<>(e.getOptions());
                options.put(ProxyLoginModule.PROPERTY_MODULE, ThrottledPropertiesLoginModule.class.getName());
                options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
                e = new AppConfigurationEntry(e.getLoginModuleName(), e.getControlFlag(), options);
            }
            result[i] = e;
        }
        return result;
    }

    private JaasRealm karafRealm() {
        try {
            JaasRealm best = null;
            for (ServiceReference<JaasRealm> ref : context.getServiceReferences(JaasRealm.class, null)) {
                JaasRealm r = context.getService(ref);
                if (r == null) {
                    continue;
                }
                if (r != this && NAME.equals(r.getName()) && r.getRank() < RANK
                        && (best == null || r.getRank() > best.getRank())) {
                    best = r;
                }
                context.ungetService(ref);
            }
            return best;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
