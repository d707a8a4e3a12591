package io.waybill.carrier.archfixture.good;

import io.waybill.spi.common.MessageCodes;
import java.util.List;

/** Test fixture: a plugin class that uses only the SPI, the JDK and its own package. */
public class GoodGateway {
    private final Helper helper = new Helper();

    public List<String> codes() {
        return List.of(MessageCodes.UNSUPPORTED, helper.name());
    }
}
