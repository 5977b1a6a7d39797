package io.parx.storage.webhooks;

import java.time.Clock;
import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.parx.storage.alarms.AlarmCatalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alarm webhooks' collaborators in the time-series database: the outbox the batch
 * transaction writes and the deliverer that empties it. The catalog, which reads the
 * config database, is wired with the other config readers (StorageConfiguration).
 */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

	@Bean
	WebhookMetrics webhookMetrics(MeterRegistry registry) {
		return new WebhookMetrics(registry);
	}

	@Bean
	NotificationOutbox notificationOutbox(WebhookCatalog webhooks, AlarmCatalog alarms, WebhookMetrics metrics) {
		return new NotificationOutbox(webhooks, alarms, metrics);
	}

	@Bean
	DeliveryQueue deliveryQueue(DataSource dataSource) {
		return new DeliveryQueue(dataSource);
	}

	@Bean
	DeliveryHistory deliveryHistory(DataSource dataSource) {
		return new DeliveryHistory(dataSource);
	}

	@Bean(destroyMethod = "close")
	WebhookSender webhookSender(WebhookSettings settings) {
		return new WebhookSender(settings.connectTimeout(), settings.requestTimeout());
	}

	@Bean
	WebhookDeliverer webhookDeliverer(DeliveryQueue queue, WebhookCatalog webhooks, WebhookSender sender,
			WebhookSettings settings, WebhookMetrics metrics, Clock clock) {
		return new WebhookDeliverer(queue, webhooks, sender, settings, metrics, clock);
	}

}
