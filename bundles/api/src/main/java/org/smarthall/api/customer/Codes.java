package org.smarthall.api.customer;

import java.time.ZoneId;
import java.util.List;

/** The code lists of docs/formats.md: what imports accept and what the rest of SmartHall may expect. */
public final class Codes {
    /** China Standard Time: the local dates and times of imported data (one zone for all of China). */
    public static final ZoneId TIME_ZONE = ZoneId.of("Asia/Shanghai");

    /** Channels a customer pays, buys, contacts or is reached through. */
    public static final List<String> CHANNELS = List.of("hall", "self_service", "app", "wechat", "alipay", "bank",
            "agent", "95598", "sms", "email");
    /** Why a message is sent; consent is given per purpose and channel. */
    public static final List<String> PURPOSES = List.of("bill", "arrears", "outage", "purchase_reminder", "service",
            "marketing", "survey");
    /** Functional zones of a hall (seed 000's point data). */
    public static final List<String> ZONES = List.of("entrance", "guidance", "waiting", "counter", "payment",
            "negotiation", "online_experience", "self_service", "display", "vip");
    /** What happened at a point of a hall. */
    public static final List<String> ZONE_EVENT_KINDS = List.of("enter", "leave", "card_swipe", "ticket_taken",
            "ticket_called", "served", "rated");
    /** Business a visitor comes to a counter for (the detail of a {@code ticket_taken} event). */
    public static final List<String> BUSINESS = List.of("account_change", "new_connection", "payment", "invoice",
            "prepaid_purchase", "enquiry", "complaint", "other");
    /** Flags telling staff to take care of a customer. */
    public static final List<String> SENSITIVE = List.of("official", "disabled", "enterprise_leader", "elderly");
    public static final List<String> RATING_SOURCES = List.of("keypad", "survey", "app", "wechat");
    /**
     * Where a consent was given or withdrawn; {@code provider} when a channel's provider reported
     * that the person refused messages (WeChat's 43101, the app's push_disabled).
     */
    public static final List<String> CONSENT_PLACES = List.of("app", "wechat", "95598", "hall_form", "sms", "provider");
    public static final List<String> CONTACT_KINDS = List.of("login", "enquiry", "click", "reply", "call");

    /** Who reports to the third-party credit feed: banks, payment platforms, registries, other utilities. */
    public static final List<String> CREDIT_SOURCES = List.of("bank", "alipay", "wechat_pay", "property_registry",
            "water", "heat", "gas");
    /** What a credit record is about. */
    public static final List<String> CREDIT_KINDS = List.of("loan", "credit_card", "property", "deposit",
            "utility_bill");
    /** How a credit record stands. */
    public static final List<String> CREDIT_STATUSES = List.of("normal", "overdue", "default", "closed");

    private Codes() {
    }
}
