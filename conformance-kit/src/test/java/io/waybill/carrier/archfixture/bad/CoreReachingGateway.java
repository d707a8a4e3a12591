package io.waybill.carrier.archfixture.bad;

import io.waybill.core.internal.archfixture.CoreInternals;

/** Test fixture: a plugin class that reaches into the core (what PluginImports forbids). */
public class CoreReachingGateway {
    public String status() {
        return CoreInternals.status();
    }
}
