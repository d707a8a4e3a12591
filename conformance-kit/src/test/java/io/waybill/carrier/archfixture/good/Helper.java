package io.waybill.carrier.archfixture.good;

/** Test fixture: the good plugin's own helper. */
class Helper {
    String name() {
        return "helper";
    }
}
