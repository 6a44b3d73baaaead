/** JPA entities: private to the store, mapped to the tables the migrations create. */
package org.smarthall.store.internal.jpa;
