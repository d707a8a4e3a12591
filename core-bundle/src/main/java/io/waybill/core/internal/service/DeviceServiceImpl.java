package io.waybill.core.internal.service;

import io.waybill.core.api.DeviceService;
import io.waybill.core.model.Reason;
import io.waybill.core.model.ScaleInfo;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.device.DeviceStatus;
import io.waybill.spi.device.Scale;
import io.waybill.spi.device.WeightReading;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Scales by instance: each factory configuration of a scale plugin is one scale, keyed by its PID. */
@Component(service = DeviceService.class)
public class DeviceServiceImpl implements DeviceService {

    private final Map<String, Scale> scales = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindScale(ServiceReference<Scale> ref, Scale scale) {
        scales.put(key(ref, scale), scale);
    }

    public void unbindScale(ServiceReference<Scale> ref, Scale scale) {
        scales.remove(key(ref, scale));
    }

    private static String key(ServiceReference<Scale> ref, Scale scale) {
        Object pid = ref == null ? null : ref.getProperty("service.pid");
        if (pid != null) {
            return String.valueOf(pid);
        }
        try {
            return scale.descriptor().id();
        } catch (RuntimeException e) {
            return "scale-" + System.identityHashCode(scale);
        }
    }

    @Override
    public List<ScaleInfo> scales() {
        return scales.entrySet().stream().map(e -> {
            PluginDescriptor d;
            DeviceStatus status;
            try {
                d = e.getValue().descriptor();
                status = e.getValue().status();
            } catch (RuntimeException ex) {
                d = new PluginDescriptor("?", e.getKey(), "");
                status = new DeviceStatus(DeviceStatus.State.OFFLINE, "plugin failed: " + ex, "plugin_failed",
                        List.of(String.valueOf(ex)));
            }
            return new ScaleInfo(e.getKey(), d.id(), d.displayName(), status != null
                    && status.state() == DeviceStatus.State.ONLINE, status == null ? "" : status.detail(),
                    status == null ? null : Reason.ofScale(status.code(), status.params()));
        }).sorted(Comparator.comparing(ScaleInfo::displayName)).toList();
    }

    @Override
    public WeightReading read(String scaleKey) {
        Scale scale = scaleKey == null ? null : scales.get(scaleKey);
        if (scale == null) {
            return new WeightReading(null, false, new DeviceStatus(DeviceStatus.State.OFFLINE, "No scale '" + scaleKey
                    + "' is configured.", "unknown", java.util.Arrays.asList(String.valueOf(scaleKey))));
        }
        try {
            WeightReading r = scale.read();
            return r == null ? new WeightReading(null, false, new DeviceStatus(DeviceStatus.State.OFFLINE,
                    "The scale plugin returned nothing.", "plugin_failed", List.of("no reading")))
                    : r;
        } catch (RuntimeException e) {
            return new WeightReading(null, false, new DeviceStatus(DeviceStatus.State.OFFLINE,
                    "The scale plugin failed: " + e, "plugin_failed", List.of(String.valueOf(e))));
        }
    }
}
