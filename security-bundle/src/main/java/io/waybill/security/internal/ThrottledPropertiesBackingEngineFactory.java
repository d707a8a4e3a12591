package io.waybill.security.internal;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngineFactory;

import java.util.Map;

/** Lets {@code jaas:realm-manage --realm karaf} and {@code jaas:user-add} edit the users file behind our module. */
final class ThrottledPropertiesBackingEngineFactory implements BackingEngineFactory {
    private final PropertiesBackingEngineFactory karaf = new PropertiesBackingEngineFactory();

    @Override
    public String getModuleClass() {
        return ThrottledPropertiesLoginModule.class.getName();
    }

    @Override
    public BackingEngine build(Map<String, ?> options) {
        return karaf.build(options);
    }
}
