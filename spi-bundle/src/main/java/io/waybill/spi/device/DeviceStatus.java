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

    /** True when the state is ONLINE. */
    public boolean isOnline() {
        return state == State.ONLINE;
    }

    /** Reachable and answering, nothing to add. */
    public static DeviceStatus online() {
        return new DeviceStatus(State.ONLINE, "");
    }

    /** Reachable and answering, with a note for the operator (e.g. "overload: take the load off"). */
    public static DeviceStatus online(String detail) {
        return new DeviceStatus(State.ONLINE, detail == null ? "" : detail);
    }

    /** Not usable: unreachable, silent or answering nonsense; {@code detail} says which and where. */
    public static DeviceStatus offline(String detail) {
        return new DeviceStatus(State.OFFLINE, detail);
    }
}
