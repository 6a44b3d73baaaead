/**
 * What a bundle needs to add resources to SmartHall's REST API at {@code /smarthall/api/v1}:
 * the application to select, the roles, the access and documentation annotations, and the
 * paging envelope.
 *
 * <pre>
 * &#64;Component(service = HallsResource.class)
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
 * &#64;Path("/halls")
 * public class HallsResource {
 *     &#64;GET &#64;Path("{hall}/queue")
 *     &#64;RequireRoles({Role.HALL_STAFF, Role.HALL_MANAGER})
 *     &#64;Summary("The hall's queue")
 *     public QueueView queue(&#64;PathParam("hall") String hall) { ... }
 * }
 * </pre>
 *
 * An endpoint with neither {@link org.smarthall.api.rest.RequireRoles} nor
 * {@link org.smarthall.api.rest.Anonymous} is open to {@code admin} only: forgetting the
 * annotation never opens an endpoint.
 */
@Export
@Version("1.0.0")
package org.smarthall.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
