package io.parx.analytics.system;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The time-series database: a template for queries and a read-only transaction template,
 * which PostgreSQL's JDBC driver needs to stream large results with a fetch size instead
 * of loading them whole.
 */
public record TimeseriesDb(JdbcTemplate jdbc, TransactionTemplate readOnly) {

}
