package io.waybill.spi.device;

/**
 * One weight from a scale.
 *
 * @param grams  net weight in grams, or {@code null} when no weight could be read
 * @param stable whether the scale reported the weight as stable
 * @param status device status at the time of reading: OFFLINE with the reason when the scale could not be reached
 *               or did not answer sensibly; ONLINE when it answered, with a detail when there is no weight
 *               anyway (e.g. overload, or busy)
 */
public record WeightReading(Integer grams, boolean stable, DeviceStatus status) {

    /** A weight the scale reported as stable: it counts. */
    public static WeightReading stable(int grams) {
        return new WeightReading(grams, true, DeviceStatus.online());
    }

    /** A weight the scale reported as still moving: shown, never counted. */
    public static WeightReading unstable(int grams) {
        return new WeightReading(grams, false, DeviceStatus.online("weight not stable", DeviceStatus.NOT_STABLE));
    }

    /** No weight, with the status that says why. */
    public static WeightReading none(DeviceStatus status) {
        return new WeightReading(null, false, status);
    }

    /** True only for a weight that counts: present and stable. */
    public boolean counts() {
        return grams != null && stable;
    }
}
