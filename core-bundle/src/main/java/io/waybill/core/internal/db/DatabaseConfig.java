package io.waybill.core.internal.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where Waybill keeps its data. Defaults to embedded Derby under Karaf's data directory. */
@ObjectClassDefinition(name = "Waybill database",
        description = "JDBC connection of the Waybill core. Embedded Apache Derby by default; PostgreSQL is supported.")
public @interface DatabaseConfig {

    @AttributeDefinition(name = "JDBC URL", description = "Empty: embedded Derby at ${karaf.data}/waybill/derby")
    String url() default "";

    @AttributeDefinition(name = "User", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Maximum pool size")
    int poolSize() default 10;
}
