package org.smarthall.api.rest;

/** The SmartHall JAX-RS application on the whiteboard. */
public final class RestApi {
    /** {@code osgi.jaxrs.name} of the application. */
    public static final String APPLICATION_NAME = "smarthall";
    /** Filter for {@code @JaxrsApplicationSelect} on resources and extensions. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /** Where the application is served. */
    public static final String BASE_PATH = "/smarthall/api/v1";
    /** RFC 7807 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";

    private RestApi() {
    }
}
