package org.smarthall.api.notify;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The outbox: what cabins and staff call to message a customer or a hall. A submitted message is
 * stored before the call returns and is then sent by the outbox's dispatcher, once, on the
 * channel that the customer's consent, preference and the configuration allow, with retries.
 */
@ProviderType
public interface Notifications {

    /**
     * Stores a message in its own transaction.
     *
     * @throws org.smarthall.api.InvalidInputException naming every field at fault
     */
    Submitted submit(NotificationRequest request);

    /**
     * Stores a message in the caller's transaction (the transactional outbox): it is sent only if
     * the caller commits. The connection must be on SmartHall's database.
     */
    Submitted submit(Connection connection, NotificationRequest request);

    Optional<Notification> find(String id);

    /** What the outbox did with a message, oldest first. */
    List<NotificationAttempt> attempts(String id);

    List<Notification> list(NotificationQuery query);

    /** Messages in each state. */
    Map<NotificationState, Long> counts();

    /**
     * Sends a held or dead-lettered message again (IN_DOUBT or FAILED), with the same id.
     *
     * @throws org.smarthall.api.NotFoundException     for an unknown id
     * @throws org.smarthall.api.ConflictException     when the message is not held or dead
     */
    Notification retry(String id, String user);
}
