/**
 * The guidance cabin's work: {@link org.smarthall.cabin.guidance.internal.SwipeListener} turns a
 * card read into a portrait on a small executor ({@link org.smarthall.cabin.guidance.internal.PortraitBuilder},
 * routed by the pure {@link org.smarthall.cabin.guidance.internal.RouteAdvisor}), the
 * {@link org.smarthall.cabin.guidance.internal.GuidanceHub} keeps the latest portrait and a replay
 * buffer per hall ({@link org.smarthall.cabin.guidance.internal.GuidanceStreams}), and
 * {@link org.smarthall.cabin.guidance.internal.GuidanceResource} serves them over REST and SSE.
 * Not exported.
 */
package org.smarthall.cabin.guidance.internal;
