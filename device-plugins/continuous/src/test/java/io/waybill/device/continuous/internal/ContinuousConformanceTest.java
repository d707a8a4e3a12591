package io.waybill.device.continuous.internal;

import io.waybill.plugin.kit.serial.DeviceLink;

import io.waybill.device.transport.internal.JSerialCommTransport;
import io.waybill.device.transport.internal.SocketTransport;
import io.waybill.plugin.conformance.ScaleConformance;
import io.waybill.spi.device.Scale;

import java.time.Duration;
import java.util.Set;

/** The scale conformance tests (conformance-kit) against the continuous-output scale over TCP. */
class ContinuousConformanceTest extends ScaleConformance {

    @Override
    protected Scale scale(String host, int port, Duration timeout) {
        return new ContinuousScale(new JSerialCommTransport(), new SocketTransport(),
                DeviceLink.tcp("conformance", host, port, timeout));
    }

    @Override
    protected void stop(Scale scale) {
        ((ContinuousScale) scale).deactivate();
    }

    @Override
    protected Set<String> unsupported() {
        return Set.of(ZERO, TARE);
    }
}
