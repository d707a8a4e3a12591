package io.waybill.carrier.fourpx.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Settings of one 4PX open platform account (factory configuration PID {@code io.waybill.carrier.fourpx}). The app
 * secret is a PASSWORD attribute named {@code .appSecret}: it only signs calls, is never sent, logged or put in a
 * message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = FourPxCarrierGateway.PID, name = "%ocd.name",
        description = "%ocd.description")
public @interface FourPxConfig {

    @AttributeDefinition(name = "%accountId.name", description = "%accountId.description")
    String accountId() default "default";

    @AttributeDefinition(name = "%displayName.name", description = "%displayName.description")
    String displayName() default "4PX";

    @AttributeDefinition(name = "%baseUrl.name", description = "%baseUrl.description")
    String baseUrl() default FourPxClient.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%appKey.name", description = "%appKey.description")
    String appKey();

    @AttributeDefinition(name = "%_appSecret.name", type = AttributeType.PASSWORD,
            description = "%_appSecret.description")
    String _appSecret();

    @AttributeDefinition(name = "%defaultService.name", required = false,
            description = "%defaultService.description")
    String defaultService() default "";

    @AttributeDefinition(name = "%services.name", required = false, description = "%services.description")
    String[] services() default {};

    @AttributeDefinition(name = "%deliverType.name", description = "%deliverType.description", options = {
            @Option(label = "1", value = "1"), @Option(label = "2", value = "2"), @Option(label = "3", value = "3"),
            @Option(label = "5", value = "5")})
    String deliverType() default "1";

    @AttributeDefinition(name = "%iossNo.name", required = false, description = "%iossNo.description")
    String iossNo() default "";

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1",
            description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 60;
}
