package io.waybill.security.internal;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;

/**
 * Registers, at start level 30 beside Karaf's JAAS modules: the "waybill" {@link EncryptionService}, the "karaf"
 * realm with the login lockout, and its users-file backing engine; and makes the container's secret files 600.
 */
public final class Activator implements BundleActivator {
    private static final Logger LOG = LoggerFactory.getLogger(Activator.class);
    /** Files under {@code karaf.etc} that hold credentials. */
    static final String[] SECRET_FILES = {"users.properties", "keys.properties", "host.key"};

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> enc = new Hashtable<>();
        enc.put("name", WaybillEncryptionService.NAME);
        enc.put(Constants.SERVICE_RANKING, 10);
        context.registerService(EncryptionService.class, new WaybillEncryptionService(), enc);
        context.registerService(BackingEngineFactory.class, new ThrottledPropertiesBackingEngineFactory(), null);
        context.registerService(JaasRealm.class, new WaybillRealm(context), null);
        String etc = System.getProperty("karaf.etc");
        if (etc != null) {
            for (String name : SECRET_FILES) {
                try {
                    SecretFiles.ownerOnly(Path.of(etc, name));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not make etc/{} readable by its owner only: {}", name, e.getMessage());
                }
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // services are unregistered with the bundle
    }
}
