package io.waybill.core.internal.security;

import io.waybill.core.api.OperationRefusedException;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import javax.security.auth.login.AppConfigurationEntry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The JAAS backing engine of the realm "karaf" the way {@code jaas:realm-manage} finds it: the realm of that name
 * with the highest rank (the security bundle's), its login module entry, and the {@link BackingEngineFactory} for
 * that module class. Each call builds a fresh engine, so it reads the users file as it is now. Users are written
 * only through it: the passwords are hashed by the realm's encryption service ("waybill"), never here.
 */
@Component(service = RealmEngine.class)
public class RealmEngine implements Supplier<BackingEngine> {
    static final String REALM = "karaf";
    /** {@code ProxyLoginModule.PROPERTY_MODULE}: the option naming the real login module class. */
    static final String MODULE_OPTION = "org.apache.karaf.jaas.module";

    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();
    private final List<BackingEngineFactory> factories = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        realms.add(realm);
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFactory(BackingEngineFactory factory) {
        factories.add(factory);
    }

    void removeFactory(BackingEngineFactory factory) {
        factories.remove(factory);
    }

    /**
     * A backing engine over the realm's users file.
     *
     * @throws OperationRefusedException code {@code realm_unavailable} when the realm or its engine is not there
     */
    @Override
    public BackingEngine get() {
        JaasRealm best = null;
        for (JaasRealm r : realms) {
            if (REALM.equals(r.getName()) && (best == null || r.getRank() > best.getRank())) {
                best = r;
            }
        }
        if (best != null) {
            for (AppConfigurationEntry entry : best.getEntries()) {
                Object module = entry.getOptions().get(MODULE_OPTION);
                for (BackingEngineFactory f : factories) {
                    if (module != null && module.equals(f.getModuleClass())) {
                        BackingEngine engine = f.build(entry.getOptions());
                        if (engine != null) {
                            return engine;
                        }
                    }
                }
            }
        }
        throw new OperationRefusedException("realm_unavailable",
                "The user realm 'karaf' (etc/users.properties) is not available right now; try again shortly");
    }
}
