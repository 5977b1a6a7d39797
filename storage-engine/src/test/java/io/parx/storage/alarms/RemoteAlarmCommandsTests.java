package io.parx.storage.alarms;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.lettuce.core.RedisClient;
import io.parx.common.audit.Actor;
import io.parx.common.redis.RedisKeys;
import io.parx.db.test.TestServices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.ErrorResponseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alarm commands of a standby through real Redis: what the holder decides comes back to
 * the standby's caller, and a command nobody takes is withdrawn, not applied later.
 */
class RemoteAlarmCommandsTests {

	private static final Actor OLIVIA = new Actor("olivia", 7L, "10.0.0.9");

	private final RedisKeys keys = new RedisKeys(TestServices.redisPrefix() + "remote-" + System.nanoTime() + ":");

	private final RedisClient redis = RedisClient.create(TestServices.redis().url());

	private final RemoteAlarmCommands standby = new RemoteAlarmCommands(() -> this.redis, this.keys, null, null);

	private final RemoteAlarmCommands holder = new RemoteAlarmCommands(() -> this.redis, this.keys, null, null);

	@AfterEach
	void close() {
		this.redis.shutdown();
	}

	@Test
	void theHoldersConflictReachesTheStandbysCallerWithTheCommandAsAsked() {
		CompletableFuture<List<AlarmCommand>> taken = CompletableFuture.supplyAsync(() -> {
			while (true) {
				List<AlarmCommand> commands = this.holder.take();
				if (!commands.isEmpty()) {
					commands.forEach((command) -> command.result()
						.completeExceptionally(AlarmProblems.conflict("Alarm 42 has nothing to acknowledge")));
					return commands;
				}
			}
		});

		assertThatThrownBy(() -> this.standby.forward(acknowledgement(), Duration.ofSeconds(5)))
			.isInstanceOfSatisfying(ErrorResponseException.class, (ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(409);
				assertThat(ex.getBody().getDetail()).isEqualTo("Alarm 42 has nothing to acknowledge");
			});
		AlarmCommand.Acknowledge received = (AlarmCommand.Acknowledge) taken.join().get(0);
		assertThat(received.definitionId()).isEqualTo(42);
		assertThat(received.actor()).isEqualTo(OLIVIA);
		assertThat(received.comment()).isEqualTo("pump checked");
		assertThat(received.atMicros()).isEqualTo(1_000_000L);
	}

	@Test
	void aCommandNoHolderTakesIsWithdrawnAndAnswered503() {
		long started = System.nanoTime();
		assertThatThrownBy(() -> this.standby.forward(acknowledgement(), Duration.ofSeconds(1)))
			.isInstanceOfSatisfying(ErrorResponseException.class,
					(ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(503))
			.hasMessageContaining("nothing was changed");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(this.holder.take()).as("nothing left for a holder to apply later").isEmpty();
	}

	private static AlarmCommand.Acknowledge acknowledgement() {
		return new AlarmCommand.Acknowledge(42, OLIVIA, 1_000_000L, "pump checked", () -> {
		}, new CompletableFuture<>());
	}

}
