package org.smarthall.demo.internal;

import java.util.SplittableRandom;

/** Opening hours of the halls: every day, 08:30 to 17:30 China time. */
final class HallHours {
    static final int OPEN = 8 * 3600 + 30 * 60;
    static final int CLOSE = 17 * 3600 + 30 * 60;
    /** Business that takes a while is not started in the last half hour. */
    static final int LAST_START = CLOSE - 30 * 60;

    private HallHours() {
    }

    /** {@code t} if the hall is open then, else a time in the first two hours of the next opening. */
    static long nextOpen(long t, SplittableRandom r) {
        long day = Math.floorDiv(t, Period.DAY) * Period.DAY;
        long second = t - day;
        if (second >= OPEN && second < LAST_START) {
            return t;
        }
        long opening = second < OPEN ? day + OPEN : day + Period.DAY + OPEN;
        return opening + Draw.between(r, 0, 2 * 3600);
    }
}
