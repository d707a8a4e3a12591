package io.waybill.device.continuous.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of one continuous-output scale (factory configuration PID {@code io.waybill.device.continuous}, one per scale). */
@ObjectClassDefinition(id = ContinuousScale.PID, name = "Scale: continuous output",
        description = "A scale that streams weight frames such as ST,GS,+0001.234kg on a serial port or over TCP.")
public @interface ContinuousConfig {

    @AttributeDefinition(name = "Name", description = "Which scale this is, e.g. packing-1. Unique per continuous-output scale.")
    String name() default "scale";

    @AttributeDefinition(name = "Connection", description = "Serial port or network (TCP).",
            options = {@Option(label = "Serial port", value = "serial"), @Option(label = "Network (TCP)", value = "tcp")})
    String connection() default "serial";

    @AttributeDefinition(name = "Serial port", description = "e.g. /dev/ttyUSB0 or COM3 (serial connection only).",
            required = false)
    String port() default "/dev/ttyUSB0";

    @AttributeDefinition(name = "Baud rate", description = "As set on the scale (serial only).",
            options = {@Option(label = "1200", value = "1200"), @Option(label = "2400", value = "2400"),
                    @Option(label = "4800", value = "4800"), @Option(label = "9600", value = "9600"),
                    @Option(label = "19200", value = "19200"), @Option(label = "38400", value = "38400"),
                    @Option(label = "57600", value = "57600"), @Option(label = "115200", value = "115200")})
    int baudRate() default 9600;

    @AttributeDefinition(name = "Data bits", description = "7 or 8, as set on the scale (serial only).",
            options = {@Option(label = "8", value = "8"), @Option(label = "7", value = "7")})
    int dataBits() default 8;

    @AttributeDefinition(name = "Parity", description = "As set on the scale (serial only).",
            options = {@Option(label = "None", value = "NONE"), @Option(label = "Even", value = "EVEN"),
                    @Option(label = "Odd", value = "ODD")})
    String parity() default "NONE";

    @AttributeDefinition(name = "Host", description = "Host name or IP address (TCP connection only).",
            required = false)
    String host() default "";

    @AttributeDefinition(name = "TCP port", description = "TCP port of the scale or converter (TCP only).",
            min = "1", max = "65535")
    int tcpPort() default 4001;

    @AttributeDefinition(name = "Timeout (ms)",
            description = "Longest wait for a fresh frame; a scale that sends none for longer is reported offline.",
            min = "100", max = "60000")
    int timeoutMs() default 2000;
}
