package io.waybill.ui.internal.web;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Settings of the web UI (Config Admin PID {@code io.waybill.ui.web}, {@code etc/io.waybill.ui.web.cfg}): the idle
 * timeout of a signed-in session per role. Applied at each sign-in; a change takes effect at the next sign-in.
 */
@Component(service = WebSettings.class, immediate = true, configurationPid = WebSettings.PID)
@Designate(ocd = WebSettings.Config.class)
public class WebSettings {

    public static final String PID = "io.waybill.ui.web";

    @ObjectClassDefinition(id = PID, name = "Waybill web UI",
            description = "Idle timeouts of signed-in sessions per role (the user's highest role counts). "
                    + "A change applies from the next sign-in.")
    public @interface Config {
        @AttributeDefinition(name = "Operator idle timeout (minutes)", min = "1", max = "1440",
                description = "Packing stations may stay signed in through a shift.")
        int operatorIdleMinutes() default 720;

        @AttributeDefinition(name = "Supervisor idle timeout (minutes)", min = "1", max = "1440")
        int supervisorIdleMinutes() default 120;

        @AttributeDefinition(name = "Admin idle timeout (minutes)", min = "1", max = "1440")
        int adminIdleMinutes() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebSettings.class);

    private volatile IdleTimeouts idleTimeouts = IdleTimeouts.DEFAULTS;

    @Activate
    @Modified
    void apply(Config config) {
        IdleTimeouts t = new IdleTimeouts(minutes(config.operatorIdleMinutes()),
                minutes(config.supervisorIdleMinutes()), minutes(config.adminIdleMinutes()));
        idleTimeouts = t;
        LOG.info("Web UI idle timeouts (from the next sign-in): operator {} min, supervisor {} min, admin {} min",
                t.operator().toMinutes(), t.supervisor().toMinutes(), t.admin().toMinutes());
    }

    private static Duration minutes(int value) {
        return Duration.ofMinutes(Math.max(1, Math.min(1440, value)));
    }

    public IdleTimeouts idleTimeouts() {
        return idleTimeouts;
    }
}
