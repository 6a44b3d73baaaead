package org.smarthall.tag.channel.internal;

/** The kinds of behaviour that show a customer using a channel, in the order reasons list them. */
enum Evidence {
    PAYMENT("payment", "payments"),
    RECHARGE("recharge", "recharges"),
    REPLY("reply", "replies"),
    CALL("call", "calls"),
    ENQUIRY("enquiry", "enquiries"),
    WORK_ORDER("work order", "work orders"),
    CLICK("click", "clicks"),
    LOGIN("login", "logins"),
    VISIT("hall visit", "hall visits");

    static final Evidence[] ALL = values();

    private final String one;
    private final String many;

    Evidence(String one, String many) {
        this.one = one;
        this.many = many;
    }

    /** "1 reply", "4 replies". */
    StringBuilder count(StringBuilder out, int n) {
        return out.append(n).append(' ').append(n == 1 ? one : many);
    }

    /**
     * The evidence a contact of this kind ({@code Codes.CONTACT_KINDS}) gives; {@code null} for an
     * unknown kind. Compared with {@code equals}, not a string switch: a switch hashes the kind,
     * a fresh string in every snapshot.
     */
    static Evidence ofContact(String kind) {
        if ("login".equals(kind)) {
            return LOGIN;
        } else if ("click".equals(kind)) {
            return CLICK;
        } else if ("enquiry".equals(kind)) {
            return ENQUIRY;
        } else if ("reply".equals(kind)) {
            return REPLY;
        } else if ("call".equals(kind)) {
            return CALL;
        }
        return null;
    }
}
