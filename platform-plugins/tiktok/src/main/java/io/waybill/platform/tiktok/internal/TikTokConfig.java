package io.waybill.platform.tiktok.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Settings of one TikTok Shop shop serving one Waybill store (factory configuration PID
 * {@code io.waybill.platform.tiktok}). The app secret, the access token and the refresh token are PASSWORD attributes kept out of the
 * service properties (leading underscore: a dot in the property name), never logged and never in a message.
 */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/bundle", id = TikTokMarketplaceConnector.PID,
        name = "%ocd.name", description = "%ocd.description")
public @interface TikTokConfig {

    @AttributeDefinition(name = "%storeCode.name", description = "%storeCode.description")
    String storeCode();

    @AttributeDefinition(name = "%appKey.name", description = "%appKey.description")
    String appKey();

    @AttributeDefinition(name = "%_appSecret.name", type = AttributeType.PASSWORD,
            description = "%_appSecret.description")
    String _appSecret();

    @AttributeDefinition(name = "%_accessToken.name", type = AttributeType.PASSWORD, required = false,
            description = "%_accessToken.description")
    String _accessToken() default "";

    @AttributeDefinition(name = "%_refreshToken.name", type = AttributeType.PASSWORD, required = false,
            description = "%_refreshToken.description")
    String _refreshToken() default "";

    @AttributeDefinition(name = "%authUrl.name", required = false, description = "%authUrl.description")
    String authUrl() default TikTokAuth.DEFAULT_AUTH_URL;

    @AttributeDefinition(name = "%shopCipher.name", description = "%shopCipher.description")
    String shopCipher();

    @AttributeDefinition(name = "%baseUrl.name", required = false, description = "%baseUrl.description")
    String baseUrl() default TikTokRequests.DEFAULT_BASE_URL;

    @AttributeDefinition(name = "%initialLookbackDays.name", min = "1", description = "%initialLookbackDays.description")
    int initialLookbackDays() default 30;

    @AttributeDefinition(name = "%pageSize.name", min = "1", max = "100", description = "%pageSize.description")
    int pageSize() default 50;

    @AttributeDefinition(name = "%requestsPerSecond.name", description = "%requestsPerSecond.description")
    double requestsPerSecond() default 5;

    @AttributeDefinition(name = "%burst.name", min = "1", description = "%burst.description")
    int burst() default 5;

    @AttributeDefinition(name = "%connectTimeoutSeconds.name", min = "1")
    int connectTimeoutSeconds() default 10;

    @AttributeDefinition(name = "%requestTimeoutSeconds.name", min = "1", description = "%requestTimeoutSeconds.description")
    int requestTimeoutSeconds() default 30;
}
