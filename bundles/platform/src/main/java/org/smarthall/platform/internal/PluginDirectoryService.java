package org.smarthall.platform.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.smarthall.api.plugin.PluginDirectory;
import org.smarthall.api.plugin.PluginInfo;
import org.smarthall.api.plugin.PluginKind;
import org.smarthall.api.plugin.Precedence;

/**
 * Lists plugins live: registered services carrying {@code smarthall.plugin.kind}, plus the
 * plugin components that are installed but not working (a missing reference, a failed
 * activation), so an operator sees why a plugin is absent.
 */
@Component(service = PluginDirectory.class)
public class PluginDirectoryService implements PluginDirectory {
    private static final String FILTER = "(" + PluginKind.PROPERTY_KIND + "=*)";

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Activate
    public PluginDirectoryService(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    @Override
    public List<PluginInfo> plugins() {
        Map<String, PluginInfo> plugins = new LinkedHashMap<>();
        Map<String, ServiceReference<?>> winners = new java.util.HashMap<>();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (refs != null) {
            for (ServiceReference<?> ref : refs) {
                Bundle bundle = ref.getBundle();
                if (bundle == null) {
                    continue; // unregistered meanwhile
                }
                String kind = String.valueOf(ref.getProperty(PluginKind.PROPERTY_KIND));
                String id = String.valueOf(ref.getProperty(PluginKind.PROPERTY_ID));
                List<String> services = Arrays.asList((String[]) ref.getProperty(Constants.OBJECTCLASS));
                winners.merge(kind + '/' + id, ref, (a, b) -> precedes(a, b) ? a : b);
                plugins.put(key(kind, id, bundle.getBundleId()),
                        new PluginInfo(kind, id, services, bundle.getSymbolicName(), bundle.getVersion().toString(), "ACTIVE"));
            }
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            Object kind = description.properties.get(PluginKind.PROPERTY_KIND);
            if (kind == null) {
                continue;
            }
            String id = String.valueOf(description.properties.get(PluginKind.PROPERTY_ID));
            String key = key(String.valueOf(kind), id, description.bundle.id);
            if (plugins.containsKey(key)) {
                continue;
            }
            String state = notWorking(description);
            if (state != null) {
                Bundle bundle = context.getBundle(description.bundle.id);
                plugins.put(key, new PluginInfo(String.valueOf(kind), id, List.of(description.serviceInterfaces),
                        description.bundle.symbolicName, bundle == null ? "" : bundle.getVersion().toString(), state));
            }
        }
        // of several plugins with one kind and id, the one with the highest service ranking, then
        // bundle version, is used (a province's variant installed next to the default); the others wait
        for (Map.Entry<String, PluginInfo> e : plugins.entrySet()) {
            PluginInfo p = e.getValue();
            ServiceReference<?> winner = winners.get(p.kind() + '/' + p.id());
            if ("ACTIVE".equals(p.state()) && winner != null && winner.getBundle() != null
                    && !e.getKey().equals(key(p.kind(), p.id(), winner.getBundle().getBundleId()))) {
                e.setValue(new PluginInfo(p.kind(), p.id(), p.services(), p.bundle(), p.bundleVersion(), "SHADOWED"));
            }
        }
        return plugins.values().stream()
                .sorted(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id)
                        .thenComparing(PluginInfo::bundleVersion))
                .toList();
    }

    /** Whether {@code a} is used rather than {@code b} (see {@link Precedence}). */
    private static boolean precedes(ServiceReference<?> a, ServiceReference<?> b) {
        Bundle ba = a.getBundle();
        Bundle bb = b.getBundle();
        if (ba == null || bb == null) {
            return bb == null;
        }
        return Precedence.wins(new Precedence.Candidate(Precedence.ranking(a.getProperty(Constants.SERVICE_RANKING)), ba.getVersion()),
                new Precedence.Candidate(Precedence.ranking(b.getProperty(Constants.SERVICE_RANKING)), bb.getVersion()));
    }

    /** Why a plugin component provides no service, or null when it is fine. */
    private String notWorking(ComponentDescriptionDTO description) {
        if (!scr.isComponentEnabled(description)) {
            return "DISABLED";
        }
        var configurations = scr.getComponentConfigurationDTOs(description);
        if (configurations.isEmpty()) {
            return "UNSATISFIED_CONFIGURATION";
        }
        for (ComponentConfigurationDTO c : configurations) {
            switch (c.state) {
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE:
                    return "UNSATISFIED_REFERENCE";
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION:
                    return "UNSATISFIED_CONFIGURATION";
                case ComponentConfigurationDTO.FAILED_ACTIVATION:
                    return "FAILED_ACTIVATION";
                default:
                    break;
            }
        }
        return null;
    }

    private static String key(String kind, String id, long bundleId) {
        return kind + '/' + id + '/' + bundleId;
    }
}
