package io.waybill.spi.device;

/**
 * One weight from a scale.
 *
 * @param grams  net weight in grams, or {@code null} when no weight could be read
 * @param stable whether the scale reported the weight as stable
 * @param status device status at the time of reading (OFFLINE with the reason when no weight)
 */
public record WeightReading(Integer grams, boolean stable, DeviceStatus status) {
}
