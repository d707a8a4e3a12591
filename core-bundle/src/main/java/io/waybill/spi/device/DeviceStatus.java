package io.waybill.spi.device;

/**
 * Whether a device can be used, and why not.
 *
 * @param state  ONLINE or OFFLINE
 * @param detail reason an operator can read (e.g. "no answer within 2 s on /dev/ttyUSB0")
 */
public record DeviceStatus(State state, String detail) {
    /** Device availability. */
    public enum State { ONLINE, OFFLINE }

    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE, "");
    }

    public static DeviceStatus offline(String detail) {
        return new DeviceStatus(State.OFFLINE, detail);
    }
}
