package org.smarthall.api.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment received, with the channel it came through (hall counter, app, WeChat, bank, agent). */
public record Payment(LocalDate date, BigDecimal amount, String channel) {
}
