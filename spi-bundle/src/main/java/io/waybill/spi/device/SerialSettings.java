package io.waybill.spi.device;

import java.time.Duration;
import java.util.Objects;

/**
 * Line settings for a serial port: speed, frame format and how long a read waits by default.
 *
 * @param baudRate    bits per second, e.g. 9600; must be positive
 * @param dataBits    data bits per character, 5 to 8
 * @param parity      parity bit
 * @param stopBits    stop bits
 * @param readTimeout how long {@link DeviceConnection#read(byte[], int, int)} waits for the first byte; positive
 */
public record SerialSettings(int baudRate, int dataBits, Parity parity, StopBits stopBits, Duration readTimeout) {

    /** Parity bit of each character. */
    public enum Parity { NONE, ODD, EVEN, MARK, SPACE }

    /** Number of stop bits of each character. */
    public enum StopBits { ONE, ONE_POINT_FIVE, TWO }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a value is out of range (a programming or configuration error the
     *                                  caller reports before any port is touched)
     */
    public SerialSettings {
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (baudRate <= 0) {
            throw new IllegalArgumentException("baud rate must be positive, was " + baudRate);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8, was " + dataBits);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("read timeout must be positive, was " + readTimeout);
        }
    }

    /** The common 8 data bits, no parity, 1 stop bit (8N1) at this speed, with this read timeout. */
    public static SerialSettings of8N1(int baudRate, Duration readTimeout) {
        return new SerialSettings(baudRate, 8, Parity.NONE, StopBits.ONE, readTimeout);
    }

    /** Short form for messages, e.g. {@code 9600 8N1}. */
    public String shortForm() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        return baudRate + " " + dataBits + parity.name().charAt(0) + stop;
    }
}
