package io.parx.db.test;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The test services as containers ({@code PARX_TEST_SERVICES=testcontainers}); loaded
 * only in that mode, so the default local mode needs no Docker and no Testcontainers on
 * the class path. Containers live as long as the JVM (Testcontainers' Ryuk removes them).
 */
final class ContainerServices {

	private ContainerServices() {
	}

	static TestServices.Postgres postgres() {
		PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:15"));
		container.start();
		return new TestServices.Postgres("PostgreSQL 15 (container)", container.getHost(),
				container.getFirstMappedPort(), container.getUsername(), container.getPassword());
	}

	static TestServices.Postgres timescale() {
		PostgreSQLContainer container = new PostgreSQLContainer(
				DockerImageName.parse("timescale/timescaledb:latest-pg17").asCompatibleSubstituteFor("postgres"));
		container.start();
		return new TestServices.Postgres("TimescaleDB (container)", container.getHost(), container.getFirstMappedPort(),
				container.getUsername(), container.getPassword());
	}

	@SuppressWarnings("resource")
	static TestServices.Redis redis() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
		container.start();
		return new TestServices.Redis(container.getHost(), container.getFirstMappedPort());
	}

	@SuppressWarnings("resource")
	static TestServices.Mosquitto mosquitto() {
		GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2"))
			.withExposedPorts(1883)
			.withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf");
		container.start();
		return new TestServices.Mosquitto(container.getHost(), container.getFirstMappedPort());
	}

}
