package org.smarthall.rest.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.StreamingOutput;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.smarthall.api.rest.RestApi;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads and writes every JSON body of the API with Jackson. Malformed input surfaces as a
 * Jackson exception, which the problem mapper turns into a 400 naming the field.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class},
        property = SmartHallApplication.EXTENSION + "=json")
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@JaxrsMediaType({MediaType.APPLICATION_JSON, RestApi.PROBLEM_JSON})
@Produces({MediaType.APPLICATION_JSON, RestApi.PROBLEM_JSON})
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
    private final ObjectMapper mapper = Json.mapper();

    static boolean isJson(MediaType mediaType) {
        return mediaType != null && ("json".equals(mediaType.getSubtype()) || mediaType.getSubtype().endsWith("+json"));
    }

    /** Bodies JAX-RS's own providers handle as they are. */
    private static boolean isRaw(Class<?> type) {
        return type == String.class || type == byte[].class || InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type) || StreamingOutput.class.isAssignableFrom(type)
                || File.class.isAssignableFrom(type);
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) throws IOException {
        PushbackInputStream in = new PushbackInputStream(entityStream, 1);
        int first = in.read();
        if (first == -1) {
            return null; // no body: the resource says what it needed
        }
        in.unread(first);
        JavaType javaType = mapper.getTypeFactory().constructType(genericType != null ? genericType : type);
        return mapper.readerFor(javaType).readValue(in);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && !isRaw(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) throws IOException {
        JavaType javaType = genericType != null && genericType != Object.class
                ? mapper.getTypeFactory().constructType(genericType)
                : mapper.getTypeFactory().constructType(value.getClass());
        mapper.writerFor(javaType).writeValue(entityStream, value);
    }
}
