package io.parx.analytics.system;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The config database (CONTRACTS.md): channels and derived signals. */
public record ConfigDb(JdbcClient jdbc) {

}
