package org.smarthall.tagging.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.smarthall.api.plugin.Precedence;
import org.smarthall.api.tag.TagTheme;

/**
 * The tag themes that run now: of the themes registered under one id, the one {@link Precedence}
 * picks (the highest service ranking, then the highest bundle version) wins. A province installs tag-fee-risk 1.1
 * next to 1.0 and the next run uses 1.1; uninstalling 1.1 brings 1.0 back. Themes come and go
 * at any time; a run takes what is active when each of its partitions starts.
 */
@Component(service = ActiveThemes.class)
public class ActiveThemes {

    /** A theme as a run uses it. */
    public record Binding(String id, String version, TagTheme theme, int ranking, long serviceId) {
        public String label() {
            return id + "@" + version;
        }
    }

    private static final Comparator<Binding> PRECEDENCE = Comparator
            .comparing((Binding b) -> new Precedence.Candidate(b.ranking(), Version.parseVersion(b.version())),
                    Precedence.ORDER)
            .thenComparing(Comparator.comparingLong(Binding::serviceId).reversed());

    private final Map<Long, Binding> registered = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTheme(TagTheme theme, ServiceReference<TagTheme> ref) {
        registered.put(serviceId(ref), binding(theme, ref));
    }

    void removeTheme(TagTheme theme, ServiceReference<TagTheme> ref) {
        registered.remove(serviceId(ref));
    }

    /** The winning theme per id, sorted by id. */
    public List<Binding> current() {
        Map<String, Binding> best = new TreeMap<>();
        for (Binding b : registered.values()) {
            best.merge(b.id(), b, (x, y) -> PRECEDENCE.compare(x, y) >= 0 ? x : y);
        }
        return new ArrayList<>(best.values());
    }

    /** Every registered theme, winners and the ones they shadow. */
    public List<Binding> all() {
        return registered.values().stream().sorted(Comparator.comparing(Binding::id).thenComparing(PRECEDENCE.reversed()))
                .toList();
    }

    static Binding binding(TagTheme theme, ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        return new Binding(theme.id(), bundle == null ? "0.0.0" : bundle.getVersion().toString(), theme,
                Precedence.ranking(ref.getProperty(Constants.SERVICE_RANKING)), serviceId(ref));
    }

    private static long serviceId(ServiceReference<?> ref) {
        return (Long) ref.getProperty(Constants.SERVICE_ID);
    }

    /** For tests and benchmarks outside OSGi. */
    public void add(Binding binding) {
        registered.put(binding.serviceId(), binding);
    }

    public void remove(long serviceId) {
        registered.remove(serviceId);
    }
}
