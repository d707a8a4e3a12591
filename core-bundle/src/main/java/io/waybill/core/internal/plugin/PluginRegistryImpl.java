package io.waybill.core.internal.plugin;

import io.waybill.core.api.PluginRegistry;
import io.waybill.core.model.PluginInfo;
import io.waybill.spi.carrier.CarrierGateway;
import io.waybill.spi.common.PluginDescriptor;
import io.waybill.spi.device.Scale;
import io.waybill.spi.platform.MarketplaceConnector;
import io.waybill.spi.platform.OrderFileParser;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Tracks every carrier, platform and device plugin registered in the OSGi service registry. Plugins are found by
 * their SPI interface only; the core never names a plugin class.
 */
@Component(service = {PluginRegistry.class, PluginRegistryImpl.class})
public class PluginRegistryImpl implements PluginRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistryImpl.class);

    private record Entry(PluginInfo info, Object service, String storeCode) {
    }

    private final Map<ServiceReference<?>, Entry> entries = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindCarrier(ServiceReference<CarrierGateway> ref, CarrierGateway carrier) {
        add(ref, PluginInfo.Kind.CARRIER, carrier, carrier::descriptor);
    }

    public void unbindCarrier(ServiceReference<CarrierGateway> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindPlatform(ServiceReference<MarketplaceConnector> ref, MarketplaceConnector connector) {
        add(ref, PluginInfo.Kind.PLATFORM, connector, connector::descriptor);
    }

    public void unbindPlatform(ServiceReference<MarketplaceConnector> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindFileParser(ServiceReference<OrderFileParser> ref, OrderFileParser parser) {
        add(ref, PluginInfo.Kind.PLATFORM, parser, parser::descriptor);
    }

    public void unbindFileParser(ServiceReference<OrderFileParser> ref) {
        remove(ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindScale(ServiceReference<Scale> ref, Scale scale) {
        add(ref, PluginInfo.Kind.DEVICE, scale, scale::descriptor);
    }

    public void unbindScale(ServiceReference<Scale> ref) {
        remove(ref);
    }

    @Override
    public List<PluginInfo> plugins() {
        return entries.values().stream().map(Entry::info)
                .sorted(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id))
                .toList();
    }

    /** The carrier plugin with this id, if registered now. */
    public Optional<CarrierGateway> carrier(String id) {
        return find(PluginInfo.Kind.CARRIER, id, CarrierGateway.class);
    }

    /** The marketplace connector with this id, if registered now. */
    public Optional<MarketplaceConnector> platform(String id) {
        return find(PluginInfo.Kind.PLATFORM, id, MarketplaceConnector.class);
    }

    /**
     * The marketplace connector serving this store: among the connectors with this id, the one registered with
     * service property {@code storeCode} equal to the store's code (one configuration per store), else one
     * registered without that property (a connector serving every store).
     */
    public Optional<MarketplaceConnector> platform(String id, String storeCode) {
        List<Entry> candidates = entries.values().stream()
                .filter(e -> e.info().kind() == PluginInfo.Kind.PLATFORM && e.info().id().equals(id)
                        && e.service() instanceof MarketplaceConnector)
                .toList();
        return candidates.stream().filter(e -> storeCode != null && storeCode.equals(e.storeCode())).findFirst()
                .or(() -> candidates.stream().filter(e -> e.storeCode() == null).findFirst())
                .map(e -> (MarketplaceConnector) e.service());
    }

    /** The file parsers registered now that accept this file name. */
    public List<OrderFileParser> fileParsersFor(String fileName) {
        return entries.values().stream()
                .filter(e -> e.service() instanceof OrderFileParser p && p.accepts(fileName))
                .map(e -> (OrderFileParser) e.service())
                .toList();
    }

    private <T> Optional<T> find(PluginInfo.Kind kind, String id, Class<T> type) {
        return entries.values().stream()
                .filter(e -> e.info().kind() == kind && e.info().id().equals(id) && type.isInstance(e.service()))
                .map(e -> type.cast(e.service()))
                .findFirst();
    }

    @Override
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void add(ServiceReference<?> ref, PluginInfo.Kind kind, Object service,
                     Supplier<PluginDescriptor> descriptor) {
        PluginDescriptor d;
        try {
            d = descriptor.get();
        } catch (RuntimeException e) {
            LOG.warn("Plugin from bundle {} failed to describe itself; ignored: {}",
                    ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(), e.toString());
            return;
        }
        Bundle b = ref.getBundle();
        PluginInfo info = new PluginInfo(kind, d.id(), d.displayName(), d.description(),
                b == null ? "" : b.getSymbolicName(), b == null ? "" : b.getVersion().toString(),
                b == null ? -1 : b.getBundleId());
        Object store = ref.getProperty("storeCode");
        entries.put(ref, new Entry(info, service, store == null ? null : String.valueOf(store)));
        LOG.info("Plugin registered: {} {} from {}", kind, d.id(), info.bundleName());
        fire();
    }

    private void remove(ServiceReference<?> ref) {
        Entry removed = entries.remove(ref);
        if (removed != null) {
            LOG.info("Plugin unregistered: {} {}", removed.info().kind(), removed.info().id());
            fire();
        }
    }

    private void fire() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.debug("Plugin listener failed", e);
            }
        }
    }
}
