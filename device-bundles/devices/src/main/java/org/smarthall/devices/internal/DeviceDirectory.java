package org.smarthall.devices.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.device.api.Device;
import org.smarthall.device.api.DeviceInfo;

/**
 * Every device of this node, live: each registered {@link Device} with its driver's counters, and
 * each device configuration ({@code org.smarthall.device.*} factory PIDs) that no running driver
 * stands for, with the reason the component runtime gives. A driver that throws from
 * {@link Device#info()} shows as {@code ERROR}; it never hides the others.
 */
@Component(service = DeviceDirectory.class)
public class DeviceDirectory {
    static final String DEVICE_PLUGINS = "(" + PluginKind.PROPERTY_KIND + "=" + PluginKind.DEVICE + ")";
    static final String DEVICE_FACTORIES = "(service.factoryPid=org.smarthall.device.*)";
    private static final Logger LOG = LoggerFactory.getLogger(DeviceDirectory.class);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurations;

    @Activate
    public DeviceDirectory(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    public List<DeviceView> devices() {
        return DeviceViews.merge(running(), configured());
    }

    public Optional<DeviceView> device(String id) {
        return devices().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    private List<DeviceView> running() {
        // a driver registers its device interface (IdCardReader, TicketPrinter, ...), not Device itself
        ServiceReference<?>[] refs;
        try {
            refs = context.getServiceReferences((String) null, DEVICE_PLUGINS);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<DeviceView> views = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Bundle bundle = ref.getBundle();
            Object service = bundle == null ? null : context.getService(ref);
            if (!(service instanceof Device device)) {
                if (service != null) {
                    context.ungetService(ref);
                }
                continue; // gone meanwhile, or a device plugin that is not a Device
            }
            String driver = String.valueOf(ref.getProperty(PluginKind.PROPERTY_ID));
            String version = bundle.getVersion().toString();
            String pid = pid(ref.getProperty(Constants.SERVICE_PID));
            try {
                DeviceInfo info = device.info();
                views.add(DeviceView.running(info, driver, version, pid));
            } catch (RuntimeException e) {
                LOG.warn("Device driver {} {} could not tell its state: {}", driver, pid, e.toString());
                String id = pid == null ? driver + "#" + ref.getProperty(Constants.SERVICE_ID) : pid;
                views.add(new DeviceView(id, null, null, null, "ERROR", 0, 0, 0, null, driver, version, pid,
                        "the driver failed to report: " + e));
            } finally {
                context.ungetService(ref);
            }
        }
        return views;
    }

    private List<ConfiguredDevice> configured() {
        ConfigurationAdmin admin = configurations;
        if (admin == null) {
            return List.of();
        }
        Configuration[] found;
        try {
            found = admin.listConfigurations(DEVICE_FACTORIES);
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Device configurations could not be listed: {}", e.toString());
            return List.of();
        }
        if (found == null) {
            return List.of();
        }
        Collection<ComponentDescriptionDTO> descriptions = scr.getComponentDescriptionDTOs();
        List<ConfiguredDevice> devices = new ArrayList<>();
        for (Configuration c : found) {
            Dictionary<String, Object> props = c.getProperties();
            if (props == null) {
                continue; // created but never updated: nothing configured yet
            }
            String deviceId = text(props.get("deviceId"));
            String[] state = componentState(descriptions, c.getFactoryPid(), c.getPid());
            devices.add(new ConfiguredDevice(c.getPid(), c.getFactoryPid(), deviceId == null ? c.getPid() : deviceId,
                    text(props.get("hall")), text(props.get("port")), state[0], state[1]));
        }
        return devices;
    }

    /** {state, failure} of the component that takes a factory PID, for one of its configurations. */
    private String[] componentState(Collection<ComponentDescriptionDTO> descriptions, String factoryPid, String pid) {
        boolean driver = false;
        for (ComponentDescriptionDTO d : descriptions) {
            if (d.configurationPid == null || !Arrays.asList(d.configurationPid).contains(factoryPid)) {
                continue;
            }
            driver = true;
            if (!scr.isComponentEnabled(d)) {
                return new String[] {"DISABLED", null};
            }
            for (ComponentConfigurationDTO cc : scr.getComponentConfigurationDTOs(d)) {
                if (pid.equals(pid(cc.properties.get(Constants.SERVICE_PID)))) {
                    return new String[] {stateName(cc.state), cc.failure};
                }
            }
        }
        return new String[] {driver ? "NOT_ACTIVE" : "NO_DRIVER", null};
    }

    static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "NOT_ACTIVE";
        };
    }

    /** A service.pid is a String or, for a component with several PIDs, a String[] of which the last is ours. */
    static String pid(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof String[] a && a.length > 0) {
            return a[a.length - 1];
        }
        if (value instanceof Collection<?> c && !c.isEmpty()) {
            return String.valueOf(c.toArray()[c.size() - 1]);
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
