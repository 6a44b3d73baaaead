package org.smarthall.cabin.guidance.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.smarthall.api.rest.RestApi;
import org.smarthall.rest.internal.AuthenticationFilter;
import org.smarthall.rest.internal.JsonProvider;
import org.smarthall.rest.internal.ProblemMapper;
import org.smarthall.rest.internal.RestConfig;
import org.smarthall.testing.Annotations;

/**
 * The resource served as in the distribution, minus OSGi (the hall-screen channel's ScreenServer):
 * the SmartHall application's three required extensions (JAAS authentication, problems, JSON) and
 * the guidance resource on a CXF JAX-RS endpoint, behind CXF's servlet with async support (SSE
 * comes from cxf-rt-rs-sse's bus extension, as in Aries JAX-RS Whiteboard), on Jetty 9.4, free port.
 */
final class GuidanceServer implements AutoCloseable {
    final GuidanceHub hub;
    final URI base;
    private final Bus bus;
    private final Server jetty;
    private final org.apache.cxf.endpoint.Server endpoint;

    GuidanceServer(Map<String, Object> config, Clock clock, String realm) throws Exception {
        hub = new GuidanceHub(GuidanceSettings.of(Annotations.of(GuidanceConfig.class, config)), clock);
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
        factory.setResourceClasses(GuidanceResource.class);
        factory.setResourceProvider(GuidanceResource.class, new SingletonResourceProvider(new GuidanceResource(hub)));
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
