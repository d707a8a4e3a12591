package io.waybill.carrier.pool.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds a {@link PoolConfig} the way Declarative Services does: given values, else the annotation defaults. */
final class Configs {

    private Configs() {
    }

    static PoolConfig pool(Map<String, Object> values) {
        return (PoolConfig) Proxy.newProxyInstance(PoolConfig.class.getClassLoader(), new Class<?>[]{PoolConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> PoolConfig.class;
                    case "toString" -> "PoolConfig" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.containsKey(method.getName())
                            ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    static PoolConfig ranges(String... ranges) {
        return pool(Map.of("ranges", ranges));
    }
}
