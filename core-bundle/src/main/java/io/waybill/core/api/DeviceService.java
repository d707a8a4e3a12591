package io.waybill.core.api;

import io.waybill.core.model.ScaleInfo;
import io.waybill.spi.device.WeightReading;

import java.util.List;

/** The packing-station devices registered now (scales), and reading them. Never throws for device trouble. */
public interface DeviceService {

    /** Configured scales with their current status. */
    List<ScaleInfo> scales();

    /**
     * Reads a scale. An unknown key, an offline scale or a plugin failure comes back as a reading without
     * weight whose status says why; an unstable weight comes back with {@code stable == false}.
     */
    WeightReading read(String scaleKey);
}
