package org.smarthall.rest.internal;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.metatype.annotations.Designate;
import org.smarthall.api.rest.Anonymous;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;

/**
 * HTTP Basic against the JAAS realm, then the endpoint's roles. Secure by default: an endpoint
 * with no {@link RequireRoles} and no {@link Anonymous} is for {@code admin} only.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = "org.smarthall.rest",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = SmartHallApplication.EXTENSION + "=authentication")
@Designate(ocd = RestConfig.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
    static final String CHALLENGE = "Basic realm=\"SmartHall\", charset=\"UTF-8\"";
    private static final String[] ADMIN_ONLY = {Role.ADMIN};

    private final Authenticator authenticator;

    @Context
    private ResourceInfo resourceInfo;

    @Activate
    public AuthenticationFilter(RestConfig config) {
        this(new JaasAuthenticator(config.realm(), config.credentialCacheSeconds()));
    }

    AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null && method.isAnnotationPresent(Anonymous.class)) {
            return;
        }
        Optional<Identity> identity = credentials(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (identity.isEmpty()) {
            request.abortWith(problem(401, "unauthorized", "Unauthorized",
                    "This endpoint needs HTTP Basic credentials of a SmartHall user.", request));
            return;
        }
        String[] allowed = allowedRoles(method, resourceInfo.getResourceClass());
        if (!identity.get().mayUse(allowed)) {
            request.abortWith(problem(403, "forbidden", "Forbidden",
                    "User '" + identity.get().user() + "' has none of the roles this endpoint needs: "
                            + String.join(", ", allowed) + ".", request));
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new IdentityContext(identity.get(), secure));
    }

    static String[] allowedRoles(Method method, Class<?> resourceClass) {
        RequireRoles roles = method == null ? null : method.getAnnotation(RequireRoles.class);
        if (roles == null && resourceClass != null) {
            roles = resourceClass.getAnnotation(RequireRoles.class);
        }
        return roles == null ? ADMIN_ONLY : roles.value();
    }

    private Optional<Identity> credentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    private static Response problem(int status, String kind, String title, String detail,
            ContainerRequestContext request) {
        Response.ResponseBuilder response = Response.status(status).type(RestApi.PROBLEM_JSON)
                .entity(ProblemDetails.of(kind, title, status, detail, "/" + request.getUriInfo().getPath()));
        if (status == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        return response.build();
    }

    private record IdentityContext(Identity identity, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return identity;
        }

        @Override
        public boolean isUserInRole(String role) {
            return identity.roles().contains(role) || identity.roles().contains(Role.ADMIN);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return SecurityContext.BASIC_AUTH;
        }
    }
}
