package org.smarthall.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.smarthall.api.rest.RestApi;

/**
 * The application every SmartHall resource joins. It is not served until the authentication
 * filter, the JSON provider and the problem mapper are registered, so no endpoint is ever
 * reachable unauthenticated or answering in another format.
 */
@Component(service = Application.class)
@JaxrsName(RestApi.APPLICATION_NAME)
@JaxrsApplicationBase(RestApi.BASE_PATH)
@JaxrsExtensionSelect({"(" + SmartHallApplication.EXTENSION + "=authentication)",
        "(" + SmartHallApplication.EXTENSION + "=json)", "(" + SmartHallApplication.EXTENSION + "=problems)"})
public class SmartHallApplication extends Application {
    /** Service property naming our own required extensions. */
    static final String EXTENSION = "smarthall.rest.extension";
}
