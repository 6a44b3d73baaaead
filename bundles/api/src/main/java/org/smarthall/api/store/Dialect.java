package org.smarthall.api.store;

/** The databases SmartHall runs on. SQL is written to their common subset where it can be. */
public enum Dialect {
    /** Apache Derby, embedded under the Karaf data folder: the default, one node. */
    DERBY,
    /** PostgreSQL: the province-scale store, shared by several nodes. */
    POSTGRESQL
}
