package org.smarthall.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents an endpoint in the OpenAPI document. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Summary {
    /** One line: what the endpoint does. */
    String value();

    /** Longer description, if one line is not enough. */
    String description() default "";

    /** Success status when the method returns a JAX-RS {@code Response}. */
    int status() default 200;

    /** Body type of the success response when the method returns a JAX-RS {@code Response}. */
    Class<?> returns() default Void.class;
}
