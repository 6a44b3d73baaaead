package org.smarthall.tag.consumption.internal;

/**
 * Two thresholds that cut a figure into three bands: below {@code low}, from {@code low} to
 * below {@code high}, and from {@code high} up. Carries the configuration attributes the
 * thresholds came from, so a bad configuration names them.
 */
record Band(String lowAttribute, double low, String highAttribute, double high) {
    Band {
        if (!(low > 0) || Double.isInfinite(low)) {
            throw new IllegalArgumentException(lowAttribute + " must be a positive number, not " + low);
        }
        if (!(high > low) || Double.isInfinite(high)) {
            throw new IllegalArgumentException(highAttribute + " (" + high + ") must be greater than " + lowAttribute
                    + " (" + low + ")");
        }
    }

    /** 0 below {@code low}, 1 in the middle band, 2 from {@code high} up. */
    int of(double figure) {
        return figure >= high ? 2 : figure >= low ? 1 : 0;
    }
}
