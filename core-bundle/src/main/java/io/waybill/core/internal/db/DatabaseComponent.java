package io.waybill.core.internal.db;

import jakarta.persistence.EntityManagerFactory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import javax.sql.DataSource;
import java.net.URL;
import java.sql.SQLException;

/** Opens the Waybill database from the {@code io.waybill.db} configuration and offers it to core services. */
@Component(service = Database.class, configurationPid = "io.waybill.db",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfig.class)
public class DatabaseComponent implements Database {

    private DatabaseEngine engine;

    @Activate
    void activate(BundleContext context, DatabaseConfig config) throws SQLException {
        URL root = context.getBundle().getEntry("/");
        engine = new DatabaseEngine(JdbcSettings.from(config), root, getClass().getClassLoader());
    }

    @Deactivate
    void deactivate() {
        if (engine != null) {
            engine.close();
        }
    }

    @Override
    public EntityManagerFactory emf() {
        return engine.emf();
    }

    @Override
    public DataSource dataSource() {
        return engine.dataSource();
    }

    @Override
    public String productName() {
        return engine.productName();
    }
}
