package org.smarthall.api.notify;

/** Where a message is in the outbox. */
public enum NotificationState {
    /** Waiting for its turn: new, to be retried after a failure, or held by quiet hours. */
    PENDING(false),
    /** Handed to a channel; the outcome is not recorded yet. */
    SENDING(false),
    /** The provider took it; final for a channel without delivery receipts. */
    ACCEPTED(false),
    /** The provider confirmed delivery to the person. */
    DELIVERED(true),
    /** Not sent because consent forbids it; the reason says which. Never sent later. */
    SUPPRESSED(true),
    /** Dead letter: rejected by the provider, or out of attempts; the reason says why. */
    FAILED(true),
    /**
     * The node crashed while a channel that cannot drop a duplicate was sending it: it may or
     * may not have gone out. Held for a person to check and resend.
     */
    IN_DOUBT(true);

    private final boolean done;

    NotificationState(boolean done) {
        this.done = done;
    }

    /** Whether the outbox will do nothing more with the message by itself. */
    public boolean done() {
        return done;
    }
}
