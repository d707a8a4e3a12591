package io.waybill.platform.amazon.internal;

import java.util.function.LongSupplier;

/**
 * Benchmark access to the Amazon connector's test seams (same package, benchmarks module only): the time source of
 * its in-plugin usage-plan buckets (getOrders, getOrderItems, createRestrictedDataToken). {@code AmazonSyncBenchmark}
 * fast-forwards them for the capture that fills the order-item cache before the measured sync; confirmShipment is
 * not paced by these buckets (the core's throttle paces it), so the measured part runs on real time.
 */
public final class AmazonBenchAccess {

    private AmazonBenchAccess() {
    }

    /** A connector whose usage-plan buckets read {@code nanoTime}; configure it afterwards. */
    public static AmazonMarketplaceConnector connector(LongSupplier nanoTime) {
        AmazonMarketplaceConnector c = new AmazonMarketplaceConnector();
        c.nanoTime = nanoTime;
        return c;
    }

    /** Activates the connector with these settings, as Declarative Services would. */
    public static void configure(AmazonMarketplaceConnector c, java.util.Map<String, Object> values) {
        c.configure((AmazonConfig) java.lang.reflect.Proxy.newProxyInstance(AmazonConfig.class.getClassLoader(),
                new Class<?>[] {AmazonConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> AmazonConfig.class;
                    case "toString" -> "AmazonConfig";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue();
                }));
    }
}
