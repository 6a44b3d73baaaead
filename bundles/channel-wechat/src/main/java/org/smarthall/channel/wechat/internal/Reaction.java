package org.smarthall.channel.wechat.internal;

/**
 * What the channel does about a WeChat {@code errcode} from a template send. The codes are
 * WeChat's published global return codes.
 */
enum Reaction {
    /** 0. */
    ACCEPT,
    /** 40001 invalid credential, 40014 invalid access_token, 42001 access_token expired. */
    NEW_TOKEN,
    /**
     * 43101 the user refused messages from the account; 43004 the user no longer follows it
     * ("require subscribe"): either way nothing more reaches them on this channel.
     */
    REFUSED,
    /** 45009 the account's daily quota of calls is used up. */
    DAILY_QUOTA,
    /** 45011 minute quota reached; 45047 too many messages to one user. */
    FREQUENCY_LIMIT,
    /** -1 system busy. */
    BUSY,
    /**
     * 40003 invalid openid, 40036 invalid template_id size, 40037 invalid template_id,
     * 47001 data format error, 47003 argument invalid: this message will never go as it is.
     */
    INVALID,
    /** Anything else: retried with the outbox's own backoff, the code kept in the detail. */
    UNKNOWN;

    static Reaction to(int errcode) {
        return switch (errcode) {
            case 0 -> ACCEPT;
            case 40001, 40014, 42001 -> NEW_TOKEN;
            case 43101, 43004 -> REFUSED;
            case 45009 -> DAILY_QUOTA;
            case 45011, 45047 -> FREQUENCY_LIMIT;
            case -1 -> BUSY;
            case 40003, 40036, 40037, 47001, 47003 -> INVALID;
            default -> UNKNOWN;
        };
    }
}
