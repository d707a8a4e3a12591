package io.waybill.core.archfixture.alpha;

import io.waybill.core.archfixture.beta.Beta;

/** Test fixture: one half of a package cycle (alpha -> beta -> alpha). */
public class Alpha {
    public String name() {
        return "alpha of " + Beta.class.getSimpleName();
    }
}
