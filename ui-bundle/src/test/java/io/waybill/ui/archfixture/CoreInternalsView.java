package io.waybill.ui.archfixture;

import io.waybill.core.internal.lifecycle.PackageLifecycle;

/** Test fixture: a UI class that reaches past the core API into the core's internals (what UiImports forbids). */
public class CoreInternalsView {
    public String lifecycle() {
        return PackageLifecycle.class.getName();
    }
}
