package org.smarthall.channel.hallscreen.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.rest.internal.AuthenticationFilter;
import org.smarthall.rest.internal.JsonProvider;
import org.smarthall.rest.internal.ProblemMapper;
import org.smarthall.rest.internal.RestConfig;
import org.smarthall.testing.Annotations;

/**
 * The stream served as in the distribution, minus OSGi: the SmartHall application's resources
 * and its three required extensions (authentication against a JAAS realm, problems, JSON) on a
 * CXF JAX-RS endpoint, behind CXF's servlet with async support, on Jetty 9.4 on a free port.
 *
 * <p>That is what Aries JAX-RS Whiteboard 2.0.2 does: one {@code ExtensionManagerBus}, whose
 * creation runs the bus extensions on the class path (cxf-rt-rs-sse's
 * {@code SseProvidersExtension} adds the {@code Sse} and {@code SseEventSink} context providers
 * and the SSE interceptor), a {@code CXFNonSpringServlet} registered with
 * {@code asyncSupported=true}, a {@code JAXRSServerFactoryBean} per application. Nothing here
 * adds SSE by hand: if the bus extension did not do it, the stream would fail.
 */
final class ScreenServer implements AutoCloseable {
    final HallScreenHub hub;
    final HallScreenChannel channel;
    final URI base;
    private final Bus bus;
    private final Server jetty;
    private final org.apache.cxf.endpoint.Server endpoint;

    /** A resource at {@code /halls} like the ingest bundle's, to show that the two paths live side by side. */
    @Path("/halls")
    @Produces(MediaType.APPLICATION_JSON)
    public static class HallsResource {
        @GET
        @Path("{hall}")
        @RequireRoles(Role.KIOSK)
        public Map<String, String> hall(@PathParam("hall") String hall) {
            return Map.of("id", hall);
        }
    }

    ScreenServer(Map<String, Object> config, String realm) throws Exception {
        hub = new HallScreenHub(HallScreenSettings.of(Annotations.of(HallScreenConfig.class, config)),
                Clock.systemUTC());
        channel = new HallScreenChannel(hub);
        bus = BusFactory.newInstance().createBus();

        CXFNonSpringServlet servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, RestApi.BASE_PATH + "/*");
        jetty.setHandler(context);
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        base = URI.create("http://127.0.0.1:" + port + RestApi.BASE_PATH);

        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setBus(bus);
        factory.setAddress("/");
        factory.setResourceClasses(HallScreenResource.class, HallsResource.class);
        factory.setResourceProvider(HallScreenResource.class,
                new SingletonResourceProvider(new HallScreenResource(hub)));
        factory.setResourceProvider(HallsResource.class, new SingletonResourceProvider(new HallsResource()));
        factory.setProviders(List.of(
                new AuthenticationFilter(
                        Annotations.of(RestConfig.class, Map.of("realm", realm, "credentialCacheSeconds", 0))),
                new ProblemMapper(), new JsonProvider()));
        endpoint = factory.create();
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public void close() throws Exception {
        hub.stop();
        endpoint.destroy();
        jetty.stop();
        bus.shutdown(true);
    }
}
