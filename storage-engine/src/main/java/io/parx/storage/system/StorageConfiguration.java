package io.parx.storage.system;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.parx.common.audit.AuditTrail;
import io.parx.common.redis.RedisKeys;
import io.parx.common.redis.RedisSettings;
import io.parx.db.TimeseriesCapabilities;
import io.lettuce.core.RedisClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.parx.storage.failover.FailoverSettings;
import io.parx.storage.failover.IngestLease;
import io.parx.storage.file.CsvFileBackend;
import io.parx.storage.file.FileSettings;
import io.parx.storage.ingest.IngestService;
import io.parx.storage.ingest.IngestSettings;
import io.parx.storage.alarms.AlarmCatalog;
import io.parx.storage.alarms.AlarmCommands;
import io.parx.storage.alarms.AlarmRepository;
import io.parx.storage.alarms.AlarmStore;
import io.parx.storage.alarms.LiveAlarms;
import io.parx.storage.rules.RuleSetReader;
import io.parx.storage.rules.RuleCatalog;
import io.parx.storage.rules.RuleResync;
import io.parx.storage.rules.RulesSettings;
import io.parx.storage.status.StorageMetrics;
import io.parx.storage.timeseries.RetentionJob;
import io.parx.storage.timeseries.RetentionSettings;
import io.parx.storage.timeseries.TimeseriesWriter;
import io.parx.storage.webhooks.NotificationOutbox;
import io.parx.storage.webhooks.WebhookCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the storage engine: the time-series database is the application's data source
 * (migrated by Flyway from {@code classpath:db/timeseries}); the config database is a
 * second, private pool that is not a {@link DataSource} bean so it never competes with
 * the first for auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StorageConfiguration.class);

	@Bean
	RedisKeys redisKeys(RedisSettings settings) {
		return settings.keys();
	}

	@Bean(destroyMethod = "close")
	ConfigDatabase configDatabase(ConfigDbSettings settings) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("config-db");
		dataSource.setJdbcUrl(settings.url());
		dataSource.setUsername(settings.username());
		dataSource.setPassword(settings.password());
		dataSource.setMaximumPoolSize(settings.maximumPoolSize());
		dataSource.setMinimumIdle(0);
		dataSource.setReadOnly(true);
		// Start even when the config database is down; rules load when it answers.
		dataSource.setInitializationFailTimeout(-1);
		return new ConfigDatabase(dataSource);
	}

	@Bean
	RuleCatalog ruleCatalog(ConfigDatabase configDatabase) {
		return new RuleCatalog(new RuleSetReader(configDatabase.dataSource()));
	}

	@Bean
	AlarmCatalog alarmCatalog(ConfigDatabase configDatabase) {
		return new AlarmCatalog(new AlarmRepository(configDatabase.dataSource()));
	}

	/**
	 * The audit trail of alarm acknowledgements and shelvings, in the config database, on
	 * a small pool of its own: the config-database pool above is read-only on purpose.
	 */
	@Bean
	AuditTrail alarmAuditTrail(ConfigDbSettings settings, ConfigDatabase configDatabase) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("config-db-audit");
		dataSource.setJdbcUrl(settings.url());
		dataSource.setUsername(settings.username());
		dataSource.setPassword(settings.password());
		dataSource.setMaximumPoolSize(2);
		// The ingest thread writes these entries: never hold it long.
		dataSource.setConnectionTimeout(2000);
		dataSource.setMinimumIdle(0);
		dataSource.setInitializationFailTimeout(-1);
		configDatabase.closeAlso(dataSource);
		return new AuditTrail(JdbcClient.create(dataSource), JsonMapper.builder().build(), Clock.systemUTC());
	}

	@Bean
	WebhookCatalog webhookCatalog(ConfigDatabase configDatabase) {
		return WebhookCatalog.reading(configDatabase.dataSource());
	}

	/** The alarm tables, and the webhook outbox written in the same transaction. */
	@Bean
	AlarmStore alarmStore(DataSource dataSource, NotificationOutbox outbox) {
		return new AlarmStore(dataSource, outbox);
	}

	@Bean
	RuleResync ruleResync(RuleCatalog catalog, AlarmCatalog alarms, WebhookCatalog webhooks, RulesSettings settings) {
		return new RuleResync(settings, catalog::resync, alarms::resync, webhooks::resync);
	}

	@Bean
	TimeseriesCapabilities timeseriesCapabilities(DataSource dataSource) {
		TimeseriesCapabilities capabilities = TimeseriesCapabilities.detect(dataSource);
		logger.info("Time-series database: {}", capabilities.describe());
		return capabilities;
	}

	@Bean
	TimeseriesWriter timeseriesWriter(DataSource dataSource, IngestSettings settings) {
		return new TimeseriesWriter(dataSource, settings.insertMethod());
	}

	@Bean
	RetentionJob retentionJob(DataSource dataSource, TimeseriesCapabilities capabilities) {
		return new RetentionJob(dataSource, capabilities);
	}

	@Bean
	CsvFileBackend csvFileBackend(FileSettings settings) {
		return new CsvFileBackend(settings, Clock.systemUTC());
	}

	@Bean
	IngestService ingestService(LettuceConnectionFactory redis, RedisKeys keys, IngestSettings settings,
			RuleCatalog catalog, TimeseriesWriter writer, CsvFileBackend files, FileSettings fileSettings,
			RetentionJob retention, RetentionSettings retentionSettings, StorageMetrics metrics, AlarmCatalog alarms,
			AlarmStore alarmStore, AlarmCommands alarmCommands, LiveAlarms liveAlarms, IngestLease lease,
			FailoverSettings failover) {
		return new IngestService(redis, keys, settings, catalog, writer, files, fileSettings, retention,
				retentionSettings, metrics, alarms, alarmStore, alarmCommands, liveAlarms, lease, failover);
	}

	@Bean
	IngestLease ingestLease(LettuceConnectionFactory redis, RedisKeys keys, IngestSettings settings,
			DataSource dataSource, FailoverSettings failover, MeterRegistry registry) {
		IngestLease lease = new IngestLease(() -> (RedisClient) redis.getRequiredNativeClient(), keys,
				settings.consumerName(), dataSource, failover);
		Gauge.builder("parx.storage.ingest.lease.held", lease, (held) -> held.isValid() ? 1 : 0)
			.description("1 while this instance holds the ingest lease and consumes the stream, 0 while it stands by")
			.register(registry);
		return lease;
	}

	@Bean
	LiveAlarms liveAlarms(RedisConnectionFactory redis, RedisKeys keys) {
		return new LiveAlarms(redis, keys);
	}

	@Bean
	RedisMessageListenerContainer configEvents(RedisConnectionFactory redis, RedisKeys keys, RuleCatalog catalog,
			AlarmCatalog alarms, WebhookCatalog webhooks) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(redis);
		container.addMessageListener(catalog, new ChannelTopic(keys.config()));
		container.addMessageListener(alarms, new ChannelTopic(keys.config()));
		container.addMessageListener(webhooks, new ChannelTopic(keys.config()));
		return container;
	}

	/** The config database's pools, closed with the context. */
	record ConfigDatabase(HikariDataSource dataSource, List<HikariDataSource> others) implements AutoCloseable {

		ConfigDatabase(HikariDataSource dataSource) {
			this(dataSource, new CopyOnWriteArrayList<>());
		}

		void closeAlso(HikariDataSource other) {
			this.others.add(other);
		}

		@Override
		public void close() {
			this.others.forEach(HikariDataSource::close);
			this.dataSource.close();
		}

	}

}
