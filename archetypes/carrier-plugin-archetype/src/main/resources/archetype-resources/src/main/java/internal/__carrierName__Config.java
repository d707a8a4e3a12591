package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of the ${carrierName} carrier (configuration PID {@code ${package}}). The API key is a PASSWORD attribute
 * named {@code .apiKey}: the leading dot makes it a private component property, so Declarative Services does not
 * copy it into the service registration; it is never logged and never put in a message.
 */
@ObjectClassDefinition(id = ${carrierName}CarrierGateway.PID, name = "${carrierName}",
        description = "Creates shipments through the ${carrierName} API.")
public @interface ${carrierName}Config {

    @AttributeDefinition(name = "API base URL", description = "${carrierName} API endpoint. Change only for tests or a proxy.")
    String baseUrl() default ${carrierName}Client.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD,
            description = "${carrierName} API key. Sent as a Bearer token.")
    String _apiKey() default "";

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "How long one call may take before it counts as a transient failure.")
    int requestTimeoutSeconds() default 30;
}
