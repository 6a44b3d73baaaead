package org.smarthall.demo.internal;

import java.util.List;
import java.util.SplittableRandom;

import org.smarthall.demo.internal.Shandong.District;

/**
 * Where each customer lives: 90% in a district with one of the province's halls, the rest
 * elsewhere in Shandong. Drawn from a stream of its own, so the hall generator can find local
 * customers for its visitors without generating them.
 */
final class Homes {
    static final double NEAR_A_HALL = 0.90;

    private final long seed;
    private final List<District> hallDistricts;

    Homes(long seed, int halls) {
        this.seed = seed;
        this.hallDistricts = Shandong.HALL_DISTRICTS.subList(0, halls);
    }

    District of(int index) {
        SplittableRandom r = Seeds.random(seed, Seeds.HOME, index);
        return Draw.chance(r, NEAR_A_HALL) ? Draw.pick(r, hallDistricts) : Draw.pick(r, Shandong.OTHER_DISTRICTS);
    }
}
