package org.smarthall.ingest.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.smarthall.api.InvalidInputException;
import org.smarthall.api.NotFoundException;
import org.smarthall.api.ingest.ImportFormat;
import org.smarthall.api.ingest.ImportInfo;
import org.smarthall.api.ingest.ImportReject;
import org.smarthall.api.ingest.ImportService;
import org.smarthall.api.rest.Page;
import org.smarthall.api.rest.RequireRoles;
import org.smarthall.api.rest.RestApi;
import org.smarthall.api.rest.Role;
import org.smarthall.api.rest.Summary;

/** Imports over REST: upload a file, follow its job, list what it rejected. */
@Component(service = ImportsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportsResource {
    static final int MAX_LIMIT = 1000;

    private final ImportServiceImpl imports;

    @Activate
    public ImportsResource(@Reference(target = "(component.name=org.smarthall.ingest.internal.imports.ImportServiceImpl)")
            ImportService imports) {
        this.imports = (ImportServiceImpl) imports;
    }

    @POST
    @Path("{dataset}")
    @Consumes({"text/csv", "application/x-ndjson", "application/jsonl", "text/plain", MediaType.APPLICATION_OCTET_STREAM})
    @RequireRoles({Role.ANALYST})
    @Summary(value = "Import a file of a dataset (docs/formats.md) as a job", status = 202, returns = ImportInfo.class,
            description = "The body is the file: Content-Type text/csv (UTF-8 or GBK; charset from the query, the "
                    + "Content-Type, or detected) or application/x-ndjson (JSON lines, UTF-8). Answers at once with the "
                    + "import and its job; rejected rows are listed at /imports/{id}/rejects.")
    public Response upload(@PathParam("dataset") String dataset, @QueryParam("charset") String charset,
            @QueryParam("name") String name, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body, @Context SecurityContext security, @Context UriInfo uri) throws IOException {
        MediaType type = contentType == null ? MediaType.valueOf("text/csv") : MediaType.valueOf(contentType);
        ImportFormat format = type.getSubtype().toLowerCase(Locale.ROOT).contains("json") ? ImportFormat.JSON_LINES
                : ImportFormat.CSV;
        String charsetName = charset != null ? charset : type.getParameters().get("charset");
        ImportInfo info = imports.submit(dataset, body, name, format, charsetOf(charsetName),
                security.getUserPrincipal().getName());
        URI location = uri.getBaseUriBuilder().path("imports").path(String.valueOf(info.id())).build();
        return Response.accepted(info).location(location).build();
    }

    @GET
    @Path("{id}")
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER})
    @Summary("An import: dataset, file, charset, its job's progress and counters, how many rows it rejected")
    public ImportInfo get(@PathParam("id") long id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("import", id));
    }

    @GET
    @Path("{id}/rejects")
    @RequireRoles({Role.ANALYST, Role.HALL_MANAGER})
    @Summary("Rows an import rejected, in line order: line, field and reason")
    public Page<ImportReject> rejects(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be 1 to " + MAX_LIMIT);
        }
        ImportInfo info = get(id);
        return new Page<>(imports.rejects(id, offset, limit), offset, limit, info.rejects());
    }

    static Charset charsetOf(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidInputException("charset", "unknown charset '" + name + "'; use UTF-8 or GBK");
        }
    }
}
