/**
 * Storage: the connection pool and Flyway migrations ({@link org.treatywatch.store.Db}) and one small
 * class of plain JDBC per table. The SQL is in the methods, readable as is.
 */
package org.treatywatch.store;
