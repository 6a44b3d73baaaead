package org.smarthall.tagging.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.tag.CustomerTag;

/** The "tags" section of the customer view: theme, then dimension, then the tag. */
@Component(service = CustomerFacet.class)
public class TagsFacet implements CustomerFacet {
    private final TagEngine engine;

    @Activate
    public TagsFacet(@Reference TagEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "tags";
    }

    @Override
    public Optional<Object> of(CustomerProfile customer) {
        List<CustomerTag> tags = engine.of(customer.account());
        if (tags.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Map<String, Object>>> byTheme = new LinkedHashMap<>();
        for (CustomerTag t : tags) {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("value", t.value());
            tag.put("score", t.score());
            tag.put("reason", t.reason());
            tag.put("version", t.themeVersion());
            tag.put("run", t.runId());
            tag.put("taggedAt", t.taggedAt());
            byTheme.computeIfAbsent(t.theme(), k -> new LinkedHashMap<>()).put(t.dimension(), tag);
        }
        return Optional.of(byTheme);
    }
}
