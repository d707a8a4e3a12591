package io.waybill.carrier.yanwen.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Settings of one Yanwen customer number (factory configuration PID {@code io.waybill.carrier.yanwen}). The API token
 * is a PASSWORD attribute named {@code .apiToken}: it only signs calls, is never sent, logged or put in a message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = YanwenCarrierGateway.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface YanwenConfig {

    @AttributeDefinition(name = "%accountId.name", description = "%accountId.description")
    String accountId() default "default";

    @AttributeDefinition(name = "%displayName.name", description = "%displayName.description")
    String displayName() default "Yanwen";

    @AttributeDefinition(name = "%baseUrl.name", description = "%baseUrl.description")
    String baseUrl() default YanwenClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%userId.name", description = "%userId.description")
    String userId();

    @AttributeDefinition(name = "%_apiToken.name", type = AttributeType.PASSWORD,
            description = "%_apiToken.description")
    String _apiToken();

    @AttributeDefinition(name = "%defaultService.name", required = false,
            description = "%defaultService.description")
    String defaultService() default "";

    @AttributeDefinition(name = "%services.name", required = false, description = "%services.description")
    String[] services() default {};

    @AttributeDefinition(name = "%servicesRefreshMinutes.name", min = "0",
            description = "%servicesRefreshMinutes.description")
    int servicesRefreshMinutes() default 360;

    @AttributeDefinition(name = "%batteries.name", description = "%batteries.description", options = {
            @Option(label = "%batteries.none", value = ""), @Option(label = "%batteries.no", value = "0"),
            @Option(label = "%batteries.yes", value = "1")})
    String batteries() default "";

    @AttributeDefinition(name = "%orderSource.name", description = "%orderSource.description")
    String orderSource() default "Waybill";

    @AttributeDefinition(name = "%iossNo.name", required = false, description = "%iossNo.description")
    String iossNo() default "";

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 60;
}
