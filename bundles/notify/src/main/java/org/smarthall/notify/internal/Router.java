package org.smarthall.notify.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.smarthall.api.customer.Consent;
import org.smarthall.api.customer.Pii;
import org.smarthall.api.notify.NotificationChannel;

/**
 * Picks the channel of a message: the one the caller named, or for a customer the preferred
 * channel of the channel-preference tag, then its channel ranking, then the configured fallback
 * order. A channel is taken only when consent allows it (never one the customer withdrew; for an
 * opt-in purpose only one subscribed to), the customer has an address there and the channel's
 * bundle is installed.
 */
final class Router {
    static final String HALL_SCREEN = "hall-screen";
    static final String SMS = "sms";

    /** What routing reads about a customer. */
    interface Lookup {
        /** Consents in force by {@link ConsentBook#key}. */
        Map<String, Consent> consents(String account);

        /** The address in clear on a channel, if the customer has one. */
        Optional<String> address(String account, String channel);

        /** Channel codes of the channel-preference tag, preferred first; empty when not tagged. */
        List<String> tagOrder(String account);
    }

    /** Where routing ends. */
    sealed interface Route permits Send, Suppress, Wait, Fail {
    }

    /** Send on this channel to this address. */
    record Send(String channelId, NotificationChannel channel, String address, String masked) implements Route {
    }

    /** Consent forbids every candidate: never send. */
    record Suppress(String reason) implements Route {
    }

    /** Allowed somewhere, but that channel is not installed now: try later. */
    record Wait(String reason) implements Route {
    }

    /** Allowed, but no address anywhere: dead letter. */
    record Fail(String reason) implements Route {
    }

    private final NotifySettings settings;
    private final Lookup lookup;

    Router(NotifySettings settings, Lookup lookup) {
        this.settings = settings;
        this.lookup = lookup;
    }

    Route route(OutboxStore.Row message, Map<String, NotificationChannel> channels) {
        if (message.account() == null) {
            NotificationChannel screen = channels.get(HALL_SCREEN);
            return screen == null ? new Wait(HALL_SCREEN + ": not installed")
                    : new Send(HALL_SCREEN, screen, message.hall(), message.hall());
        }
        boolean optIn = message.needConsent() || settings.optInPurposes().contains(message.purpose());
        Map<String, Consent> consents = lookup.consents(message.account());
        List<String> reasons = new ArrayList<>();
        boolean allowed = false;
        boolean waiting = false;
        for (String id : candidates(message)) {
            String code = codeOf(id);
            Consent consent = consents.get(ConsentBook.key(message.purpose(), code));
            if (consent != null && !consent.granted()) {
                reasons.add(id + ": consent withdrawn " + consent.at());
                continue;
            }
            if (optIn && consent == null) {
                reasons.add(id + ": not subscribed to " + message.purpose());
                continue;
            }
            allowed = true;
            Optional<String> address = lookup.address(message.account(), id);
            if (address.isEmpty()) {
                reasons.add(id + ": no address");
                continue;
            }
            NotificationChannel channel = channels.get(id);
            if (channel == null) {
                reasons.add(id + ": not installed");
                waiting = true;
                continue;
            }
            return new Send(id, channel, address.get(), mask(id, address.get()));
        }
        String why = String.join("; ", reasons);
        if (!allowed) {
            return new Suppress("consent: " + (why.isEmpty() ? "no channel" : why));
        }
        return waiting ? new Wait(why) : new Fail("no address on an allowed channel: " + why);
    }

    /** Channel ids to try, best first. */
    List<String> candidates(OutboxStore.Row message) {
        if (message.requestedChannel() != null) {
            return List.of(message.requestedChannel());
        }
        Set<String> order = new LinkedHashSet<>();
        for (String code : lookup.tagOrder(message.account())) {
            String id = settings.channelOfTag(code);
            if (id != null) {
                order.add(id);
            }
        }
        order.addAll(settings.fallbackOrder());
        order.remove(HALL_SCREEN);
        return List.copyOf(order);
    }

    /** The channel code of the customer base (and of consents) for a channel id: app-push is "app". */
    String codeOf(String channelId) {
        for (Map.Entry<String, String> e : settings.tagChannels().entrySet()) {
            if (e.getValue().equals(channelId)) {
                return e.getKey();
            }
        }
        return channelId;
    }

    static String mask(String channel, String address) {
        return switch (channel) {
            case SMS -> Pii.maskPhone(address);
            case "email" -> Bindings.maskEmail(address);
            case HALL_SCREEN -> address;
            default -> address.length() < 8 ? "****" : Bindings.maskOpaque(address);
        };
    }
}
