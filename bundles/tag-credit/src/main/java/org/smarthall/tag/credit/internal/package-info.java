/**
 * The credit tag theme: a transparent 0-100 credit score from the customer's own payment history
 * and the third-party credit feed, cut into the grades AAA, AA, A, B and C. Internal: nothing is
 * exported.
 */
package org.smarthall.tag.credit.internal;
