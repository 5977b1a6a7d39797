package io.parx.db;

import java.sql.Connection;
import java.sql.SQLException;

import io.parx.db.test.TestDatabase;
import io.parx.db.test.TestDatabases;
import io.parx.db.test.TimeseriesBackend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Capability detection decides which features the storage engine and analytics use
 * (docs/CONTRACTS.md, "Databases"): licence-only features must never be assumed on the
 * Apache edition or on plain PostgreSQL.
 */
class TimeseriesCapabilitiesTests {

	@Test
	void migratedTimescaleDatabaseReportsTheInstalledApacheEdition() throws SQLException {
		TimeseriesCapabilities capabilities = detect(TestDatabases.createTimeseriesDb(TimeseriesBackend.TIMESCALE));

		assertThat(capabilities.timescaleAvailable()).isTrue();
		assertThat(capabilities.timescaleInstalled()).isTrue();
		assertThat(capabilities.version()).matches("2\\.\\d+\\.\\d+.*");
		assertThat(capabilities.licence()).isEqualTo("apache");
		assertThat(capabilities.supportsHypertables()).isTrue();
		assertThat(capabilities.supportsDropChunks()).isTrue();
		assertThat(capabilities.supportsCompression()).isFalse();
		assertThat(capabilities.supportsContinuousAggregates()).isFalse();
		assertThat(capabilities.supportsPolicies()).isFalse();
		assertThat(capabilities.describe()).startsWith("time-series database: TimescaleDB " + capabilities.version())
			.contains("licence apache", "compression no");
	}

	@Test
	void emptyDatabaseOnATimescaleServerReportsTheExtensionAsAvailableButNotInstalled() throws SQLException {
		TimeseriesCapabilities capabilities = detect(TestDatabases.createEmpty(TimeseriesBackend.TIMESCALE));

		assertThat(capabilities.timescaleAvailable()).isTrue();
		assertThat(capabilities.timescaleInstalled()).isFalse();
		assertThat(capabilities.version()).isNotNull();
		assertThat(capabilities.supportsHypertables()).isFalse();
		assertThat(capabilities.describe()).contains("available but not created");
	}

	@Test
	void plainPostgresReportsNoTimescaleFeatures() throws SQLException {
		TimeseriesCapabilities capabilities = detect(TestDatabases.createTimeseriesDb(TimeseriesBackend.POSTGRES));

		assertThat(capabilities).isEqualTo(TimeseriesCapabilities.PLAIN_POSTGRES);
		assertThat(capabilities.supportsHypertables()).isFalse();
		assertThat(capabilities.supportsCompression()).isFalse();
		assertThat(capabilities.describe()).contains("plain PostgreSQL", "BRIN");
	}

	@Test
	void timescaleLicenceUnlocksCompressionAggregatesAndPolicies() {
		TimeseriesCapabilities community = new TimeseriesCapabilities(true, true, "2.19.3", "timescale");

		assertThat(community.supportsCompression()).isTrue();
		assertThat(community.supportsContinuousAggregates()).isTrue();
		assertThat(community.supportsPolicies()).isTrue();
		assertThat(community.describe()).contains("licence timescale", "compression yes", "continuous aggregates yes");
	}

	@Test
	void timescaleLicenceWithoutTheExtensionInTheDatabaseUnlocksNothing() {
		TimeseriesCapabilities notCreated = new TimeseriesCapabilities(true, false, "2.19.3", "timescale");

		assertThat(notCreated.supportsCompression()).isFalse();
		assertThat(notCreated.supportsHypertables()).isFalse();
	}

	@Test
	void anInstalledExtensionThatIsNotAvailableIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TimeseriesCapabilities(false, true, "2.19.3", null));
	}

	private static TimeseriesCapabilities detect(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return TimeseriesCapabilities.detect(connection);
		}
	}

}
