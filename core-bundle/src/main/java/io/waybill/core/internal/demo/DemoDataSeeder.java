package io.waybill.core.internal.demo;

import io.waybill.core.internal.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the demo data into an empty database when {@code io.waybill.demo} says {@code enabled=true}. */
@Component(immediate = true, configurationPid = "io.waybill.demo", configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoDataSeeder.Config.class)
public class DemoDataSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataSeeder.class);

    /** Demo data switch. */
    @ObjectClassDefinition(name = "Waybill demo data")
    public @interface Config {
        @AttributeDefinition(name = "Load demo data into an empty database")
        boolean enabled() default false;
    }

    @Reference
    private Database db;

    @Activate
    void activate(Config config) {
        if (config.enabled() && DemoData.seedIfEmpty(db)) {
            LOG.info("Loaded demo data: {} orders", DemoData.ORDERS);
        }
    }
}
