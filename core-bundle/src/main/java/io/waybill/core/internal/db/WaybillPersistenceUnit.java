package io.waybill.core.internal.db;

import io.waybill.core.internal.persistence.AuditEventEntity;
import io.waybill.core.internal.persistence.BaseEntity;
import io.waybill.core.internal.persistence.InstantConverter;
import io.waybill.core.internal.persistence.OrderEntity;
import io.waybill.core.internal.persistence.OrderLineEntity;
import io.waybill.core.internal.persistence.PackageEntity;
import io.waybill.core.internal.persistence.SkuEntity;
import io.waybill.core.internal.persistence.StockLevelEntity;
import io.waybill.core.internal.persistence.StoreEntity;
import io.waybill.core.internal.persistence.WarehouseEntity;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.net.URL;
import java.util.List;
import java.util.Properties;

/**
 * The Waybill persistence unit, described in code instead of persistence.xml so that it works the same inside
 * OSGi (root = the bundle's entry "/") and in plain unit tests (root = the classes directory).
 */
final class WaybillPersistenceUnit implements PersistenceUnitInfo {

    static final List<Class<?>> ENTITIES = List.of(BaseEntity.class, StoreEntity.class, WarehouseEntity.class,
            SkuEntity.class, StockLevelEntity.class, OrderEntity.class, OrderLineEntity.class, PackageEntity.class,
            AuditEventEntity.class, InstantConverter.class);

    private final DataSource dataSource;
    private final URL root;
    private final ClassLoader loader;
    private final Properties properties = new Properties();

    WaybillPersistenceUnit(DataSource dataSource, URL root, ClassLoader loader) {
        this.dataSource = dataSource;
        this.root = root;
        this.loader = loader;
        properties.setProperty("eclipselink.weaving", "false");
        properties.setProperty("eclipselink.ddl-generation", "none");
        properties.setProperty("eclipselink.logging.level", "WARNING");
        properties.setProperty("eclipselink.logging.logger", "JavaLogger");
        properties.setProperty("eclipselink.jdbc.batch-writing", "JDBC");
        properties.setProperty("eclipselink.jdbc.batch-writing.size", "500");
        properties.setProperty("eclipselink.cache.shared.default", "false");
        properties.setProperty("eclipselink.jdbc.bind-parameters", "true");
        properties.setProperty("eclipselink.persistence-context.flush-mode", "commit");
    }

    @Override
    public String getPersistenceUnitName() {
        return "waybill";
    }

    @Override
    public String getPersistenceProviderClassName() {
        return "org.eclipse.persistence.jpa.PersistenceProvider";
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return root;
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES.stream().map(Class::getName).toList();
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // weaving is off
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return loader;
    }
}
