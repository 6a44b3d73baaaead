package org.smarthall.grading.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.smarthall.api.customer.CustomerFacet;
import org.smarthall.api.customer.CustomerProfile;
import org.smarthall.api.grading.CustomerGrade;

/** The "grades" section of the customer view: by model, the grade with its score and reason. */
@Component(service = CustomerFacet.class)
public class GradesFacet implements CustomerFacet {
    private final GradingEngine engine;

    @Activate
    public GradesFacet(@Reference GradingEngine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "grades";
    }

    @Override
    public Optional<Object> of(CustomerProfile customer) {
        List<CustomerGrade> grades = engine.of(customer.account());
        if (grades.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Object>> byModel = new LinkedHashMap<>();
        for (CustomerGrade g : grades) {
            Map<String, Object> grade = new LinkedHashMap<>();
            grade.put("grade", g.grade());
            grade.put("score", g.score());
            grade.put("reason", g.reason());
            grade.put("version", g.modelVersion());
            grade.put("run", g.runId());
            grade.put("gradedAt", g.gradedAt());
            byModel.put(g.model(), grade);
        }
        return Optional.of(byModel);
    }
}
