package org.smarthall.api.rest;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items  the page
 * @param offset position of the first item in the whole list
 * @param limit  page size asked for
 * @param total  size of the whole list
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
