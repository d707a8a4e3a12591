package io.waybill.core.archfixture.beta;

import io.waybill.core.archfixture.alpha.Alpha;

/** Test fixture: the other half of a package cycle (beta -> alpha). */
public class Beta {
    public String name() {
        return new Alpha().name();
    }
}
