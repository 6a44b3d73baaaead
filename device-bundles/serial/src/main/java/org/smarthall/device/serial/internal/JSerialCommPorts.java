package org.smarthall.device.serial.internal;

import org.osgi.service.component.annotations.Component;
import org.smarthall.device.serial.FrameCodec;
import org.smarthall.device.serial.LinkListener;
import org.smarthall.device.serial.LinkSettings;
import org.smarthall.device.serial.SerialLink;
import org.smarthall.device.serial.SerialPorts;

/** The {@link SerialPorts} service over jSerialComm. Public for the drivers' protocol tests only. */
@Component(service = SerialPorts.class)
public class JSerialCommPorts implements SerialPorts {
    private final PortIo.Opener opener = new JSerialCommOpener();

    @Override
    public SerialLink open(LinkSettings settings, FrameCodec codec, LinkListener listener) {
        return new ResilientLink(settings, codec, listener, opener).start();
    }
}
