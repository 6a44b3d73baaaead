package org.smarthall.api.grading;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The grades the models have given: what cabins and account managers read. */
@ProviderType
public interface GradeResults {

    /** A customer's current grade from every model that graded them. */
    List<CustomerGrade> of(String account);

    /** How a model's customers spread over its grades. */
    List<GradeCount> distribution(String model);

    /**
     * A model's customers ranked by score, highest first (for complaint risk: most at risk first).
     *
     * @param grade only this grade, or every grade when null
     */
    List<CustomerGrade> ranking(String model, String grade, int offset, int limit);
}
