package org.smarthall.grading.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.smarthall.api.grading.GradingModel;
import org.smarthall.api.plugin.Precedence;

/**
 * The grading models installed now; of several under one id, the one {@link Precedence} picks
 * is used (a province's variant at a higher version takes over, and steps back when uninstalled).
 */
@Component(service = ActiveModels.class)
public class ActiveModels {

    /** A model as a run uses it. */
    public record Binding(String id, String version, GradingModel model, int ranking, long serviceId) {
        Precedence.Candidate candidate() {
            return new Precedence.Candidate(ranking, Version.parseVersion(version));
        }
    }

    private final Map<Long, Binding> registered = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addModel(GradingModel model, ServiceReference<GradingModel> ref) {
        Bundle bundle = ref.getBundle();
        add(new Binding(model.id(), bundle == null ? "0.0.0" : bundle.getVersion().toString(), model,
                Precedence.ranking(ref.getProperty(Constants.SERVICE_RANKING)), (Long) ref.getProperty(Constants.SERVICE_ID)));
    }

    void removeModel(GradingModel model, ServiceReference<GradingModel> ref) {
        remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    /** The model used for an id now. */
    public Optional<Binding> get(String id) {
        return registered.values().stream().filter(b -> b.id().equals(id))
                .max(Comparator.comparing(Binding::candidate, Precedence.ORDER));
    }

    /** Every registered model, sorted by id then precedence (the used one first). */
    public List<Binding> all() {
        return registered.values().stream().sorted(Comparator.comparing(Binding::id)
                .thenComparing(Comparator.comparing(Binding::candidate, Precedence.ORDER).reversed())).toList();
    }

    /** For tests and benchmarks outside OSGi. */
    public void add(Binding binding) {
        registered.put(binding.serviceId(), binding);
    }

    public void remove(long serviceId) {
        registered.remove(serviceId);
    }
}
