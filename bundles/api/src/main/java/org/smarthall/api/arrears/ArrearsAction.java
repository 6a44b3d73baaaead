package org.smarthall.api.arrears;

/** What the hall does about arrears (seed 000's business handling by risk). */
public enum ArrearsAction {
    /** No overdue risk: push a WeChat or SMS message with an online payment link. */
    REMIND_ONLINE_PAYMENT,
    /** Offer a fee guarantee or payment in instalments. */
    OFFER_GUARANTEE_OR_INSTALMENTS,
    /** Offer conversion to prepaid or a bank direct-debit agreement. */
    OFFER_PREPAY_OR_DIRECT_DEBIT,
    /** Arrears must be cleared before other business is accepted. */
    PAY_FIRST
}
