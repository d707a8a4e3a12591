package ${package}.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of one ${marketplaceName} seller account serving one Waybill store (factory configuration PID
 * {@code ${package}}, one configuration per store). The API token is a PASSWORD attribute named {@code .apiToken}:
 * the leading dot makes it a private component property, so Declarative Services does not copy it into the service
 * registration where {@code service:list} would show it; it is never logged and never put in a message.
 */
@ObjectClassDefinition(id = ${marketplaceName}MarketplaceConnector.PID, name = "${marketplaceName}",
        description = "Captures orders from ${marketplaceName} and reports shipments back. One configuration per"
                + " Waybill store.")
public @interface ${marketplaceName}Config {

    @AttributeDefinition(name = "Waybill store code",
            description = "Code of the Waybill store this account's orders belong to. Calls for any other store are"
                    + " refused.")
    String storeCode();

    @AttributeDefinition(name = "API base URL", description = "${marketplaceName} API endpoint. Change only for tests"
            + " or a proxy.")
    String baseUrl() default ${marketplaceName}Client.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "API token", type = AttributeType.PASSWORD,
            description = "${marketplaceName} API token of the seller account. Sent as a Bearer token.")
    String _apiToken() default "";

    @AttributeDefinition(name = "First capture: days back", min = "1", max = "365",
            description = "On the very first capture (no stored cursor), orders updated in this many days are"
                    + " fetched.")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "Orders per page", min = "1", max = "100")
    int pageSize() default 50;

    @AttributeDefinition(name = "Requests per second", min = "1",
            description = "${marketplaceName}'s published request rate per seller account.")
    int requestsPerSecond() default 2;

    @AttributeDefinition(name = "Burst", min = "1", description = "Requests allowed at once before throttling.")
    int burst() default 10;

    @AttributeDefinition(name = "Connect timeout (s)", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "Request timeout (s)", min = "1",
            description = "How long one call may take before it counts as a transient failure.")
    int requestTimeoutSeconds() default 30;
}
