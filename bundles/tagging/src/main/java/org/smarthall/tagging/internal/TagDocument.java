package org.smarthall.tagging.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagValue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * A customer's tags as stored in {@code sh_customer_tags.tags}: one JSON document, every theme
 * with the version that tagged and its values,
 * <pre>{"fee-risk":["1.0.0",[["fee-risk","low",12.0,"all 12 bills paid on time"]]], ...}</pre>
 * One row per customer keeps a run's writes to one insert per customer.
 */
final class TagDocument {
    /** The longest document the column takes; reasons are cut to fit beyond it. */
    static final int MAX_CHARS = 32_000;
    private static final int REASON_CUT = 300;
    private static final JsonFactory JSON = new JsonFactory();

    /** What one theme said of one customer. */
    record ThemeTags(String theme, String version, List<TagValue> values) {
    }

    private TagDocument() {
    }

    static String encode(List<ThemeTags> themes) {
        String json = write(themes, Integer.MAX_VALUE);
        for (int cut = REASON_CUT; json.length() > MAX_CHARS && cut >= 10; cut /= 3) {
            json = write(themes, cut);
        }
        if (json.length() > MAX_CHARS) {
            throw new IllegalStateException("the tags of one customer do not fit " + MAX_CHARS
                    + " characters even with their reasons cut: a theme gives far too many values");
        }
        return json;
    }

    private static String write(List<ThemeTags> themes, int reasonMax) {
        StringWriter out = new StringWriter(256 * themes.size());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            for (ThemeTags t : themes) {
                g.writeFieldName(t.theme());
                g.writeStartArray();
                g.writeString(t.version());
                g.writeStartArray();
                for (TagValue v : t.values()) {
                    g.writeStartArray();
                    g.writeString(v.dimension());
                    g.writeString(v.value());
                    g.writeNumber(Double.isFinite(v.score()) ? v.score() : 0);
                    String reason = v.reason();
                    g.writeString(reason.length() <= reasonMax ? reason : reason.substring(0, reasonMax - 1) + "…");
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<CustomerTag> decode(String json, long runId, Instant taggedAt) {
        List<CustomerTag> tags = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String theme = p.getCurrentName();
                expect(p.nextToken(), JsonToken.START_ARRAY);
                p.nextToken();
                String version = p.getText();
                expect(p.nextToken(), JsonToken.START_ARRAY);
                while (p.nextToken() == JsonToken.START_ARRAY) {
                    p.nextToken();
                    String dimension = p.getText();
                    p.nextToken();
                    String value = p.getText();
                    p.nextToken();
                    double score = p.getDoubleValue();
                    p.nextToken();
                    String reason = p.getText();
                    expect(p.nextToken(), JsonToken.END_ARRAY);
                    tags.add(new CustomerTag(theme, version, dimension, value, score, reason, runId, taggedAt));
                }
                expect(p.nextToken(), JsonToken.END_ARRAY);
            }
        } catch (IOException e) {
            throw new IllegalStateException("stored tags are not a tag document: " + e.getMessage(), e);
        }
        return tags;
    }

    /** The values only, for counting: theme, dimension, value, version. */
    static List<String[]> keys(String json) {
        List<String[]> keys = new ArrayList<>();
        for (CustomerTag t : decode(json, 0, Instant.EPOCH)) {
            keys.add(new String[] {t.theme(), t.dimension(), t.value(), t.themeVersion()});
        }
        return keys;
    }

    private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
        if (actual != wanted) {
            throw new IOException("expected " + wanted + " but found " + actual);
        }
    }
}
