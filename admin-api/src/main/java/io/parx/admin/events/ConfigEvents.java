package io.parx.admin.events;

import io.parx.common.config.ConfigChanged;
import io.parx.common.config.ConfigChanged.Entity;
import io.parx.common.config.ConfigChanged.Op;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Announces a configuration change. Call it inside the transaction that makes the change:
 * the event reaches Redis only after that transaction commits, and never if it rolls
 * back, so a receiver that reloads the entity always sees the committed state.
 */
@Component
public class ConfigEvents {

	private final ApplicationEventPublisher publisher;

	ConfigEvents(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	public void created(Entity entity, long id, long version) {
		publish(new ConfigChanged(entity, id, Op.CREATED, version));
	}

	public void updated(Entity entity, long id, long version) {
		publish(new ConfigChanged(entity, id, Op.UPDATED, version));
	}

	public void deleted(Entity entity, long id, long version) {
		publish(new ConfigChanged(entity, id, Op.DELETED, version));
	}

	private void publish(ConfigChanged event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("config events must be published inside the changing transaction");
		}
		this.publisher.publishEvent(event);
	}

}
