package org.smarthall.cabin.guidance;

import java.time.Instant;

/**
 * What a kiosk (a self-service terminal, the public guidance screen) is shown of a swipe: a
 * greeting with the masked name and the way to go. Nothing else of the portrait: no account, no
 * ID number, no tags, grades, arrears or staff cautions.
 *
 * @param id       the portrait's id (the event id of the stream)
 * @param greeting e.g. {@code 张*，您好}
 * @param route    {@link Route#kind()}
 * @param message  {@link Route#customerMessage()}
 * @param at       when the portrait was built
 */
public record Greeting(String id, String hall, String greeting, String route, String message, Instant at) {

    public static Greeting of(Portrait p) {
        String name = p.maskedName() == null || p.maskedName().isEmpty() ? "" : p.maskedName() + "，";
        return new Greeting(p.id(), p.hall(), name + "您好", p.route().kind(), p.route().customerMessage(),
                p.portraitAt());
    }
}
