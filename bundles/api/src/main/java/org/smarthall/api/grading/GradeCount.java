package org.smarthall.api.grading;

/** How many customers a model put in one grade. */
public record GradeCount(String grade, String modelVersion, long customers) {
}
