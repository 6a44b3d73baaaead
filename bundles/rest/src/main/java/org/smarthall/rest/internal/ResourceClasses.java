package org.smarthall.rest.internal;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.smarthall.api.rest.RestApi;

/** The classes of the whiteboard resources that join the SmartHall application, live from the registry. */
final class ResourceClasses {
    private ResourceClasses() {
    }

    static List<Class<?>> of(BundleContext context) {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(null, "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        if (refs == null) {
            return classes;
        }
        Hashtable<String, Object> application = new Hashtable<>();
        application.put(JaxrsWhiteboardConstants.JAX_RS_NAME, RestApi.APPLICATION_NAME);
        application.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, RestApi.BASE_PATH);
        for (ServiceReference<?> ref : refs) {
            if (!selectsUs(context, ref, application)) {
                continue;
            }
            ServiceObjects<?> objects = context.getServiceObjects(ref);
            if (objects == null) {
                continue; // unregistered meanwhile
            }
            Object resource = objects.getService();
            if (resource != null) {
                try {
                    classes.add(resource.getClass());
                } finally {
                    ungetUnchecked(objects, resource);
                }
            }
        }
        return classes;
    }

    private static boolean selectsUs(BundleContext context, ServiceReference<?> ref, Hashtable<String, Object> app) {
        Object select = ref.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT);
        if (!(select instanceof String filter)) {
            return false;
        }
        try {
            Filter f = context.createFilter(filter);
            return f.match(app);
        } catch (InvalidSyntaxException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> void ungetUnchecked(ServiceObjects<S> objects, Object service) {
        objects.ungetService((S) service);
    }
}
