package io.waybill.device.mtsics.internal;

import io.waybill.device.transport.internal.JSerialCommTransport;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.plugin.conformance.ScaleConformance;
import io.waybill.spi.device.Scale;

import java.time.Duration;

/** The scale conformance tests (conformance-kit) against the MT-SICS scale over TCP. */
class MtSicsConformanceTest extends ScaleConformance {

    @Override
    protected Scale scale(String host, int port, Duration timeout) {
        return new MtSicsScale(new JSerialCommTransport(), new SocketTransport(),
                MtSicsSettings.tcp("conformance", host, port, timeout, "SI"));
    }

    @Override
    protected void stop(Scale scale) {
        ((MtSicsScale) scale).deactivate();
    }
}
