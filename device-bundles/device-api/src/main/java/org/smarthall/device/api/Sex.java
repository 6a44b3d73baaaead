package org.smarthall.device.api;

/** Sex as coded on the second-generation resident identity card (GB/T 2261.1: 1 male, 2 female). */
public enum Sex {
    MALE, FEMALE, UNSPECIFIED
}
