package org.smarthall.channel.hallscreen.internal;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.smarthall.api.notify.OutboundMessage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code data:} of a screen event: one line of JSON,
 * {@code {"messageId","purpose","text","parameters","urgent","at"}}. Jackson writes line breaks
 * inside strings as {@code \n}, so the JSON never breaks the event-stream framing. The account
 * is left out: a hall screen is public.
 */
final class EventData {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventData() {
    }

    static String of(OutboundMessage message, String purpose, Instant at) {
        ObjectNode data = JSON.createObjectNode();
        data.put("messageId", message.messageId());
        data.put("purpose", purpose);
        data.put("text", message.text());
        ObjectNode parameters = data.putObject("parameters");
        // sorted: the same message gives the same bytes, whatever map the outbox passed
        for (Map.Entry<String, String> p : new TreeMap<>(message.parameters()).entrySet()) {
            parameters.put(p.getKey(), p.getValue());
        }
        data.put("urgent", message.urgent());
        data.put("at", at.toString());
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            // a tree of strings and booleans always writes
            throw new IllegalStateException("screen event not writable as JSON", e);
        }
    }
}
