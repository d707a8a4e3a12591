package io.waybill.carrier.yunexpress.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of one YunExpress account (factory configuration PID {@code io.waybill.carrier.yunexpress}). The API secret
 * is a PASSWORD attribute named {@code .apiSecret}: the leading dot keeps it out of the service registration; it is
 * never logged and never put in a message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = YunExpressCarrierGateway.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface YunExpressConfig {

    @AttributeDefinition(name = "%accountId.name", description = "%accountId.description")
    String accountId() default "default";

    @AttributeDefinition(name = "%displayName.name", description = "%displayName.description")
    String displayName() default "YunExpress";

    @AttributeDefinition(name = "%baseUrl.name", description = "%baseUrl.description")
    String baseUrl() default YunExpressClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%customerCode.name", description = "%customerCode.description")
    String customerCode();

    @AttributeDefinition(name = "%_apiSecret.name", type = AttributeType.PASSWORD,
            description = "%_apiSecret.description")
    String _apiSecret();

    @AttributeDefinition(name = "%defaultService.name", required = false,
            description = "%defaultService.description")
    String defaultService() default "";

    @AttributeDefinition(name = "%services.name", required = false, description = "%services.description")
    String[] services() default {};

    @AttributeDefinition(name = "%servicesRefreshMinutes.name", min = "0",
            description = "%servicesRefreshMinutes.description")
    int servicesRefreshMinutes() default 360;

    @AttributeDefinition(name = "%iossCode.name", required = false, description = "%iossCode.description")
    String iossCode() default "";

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 60;
}
