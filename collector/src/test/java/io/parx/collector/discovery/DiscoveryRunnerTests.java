package io.parx.collector.discovery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.parx.common.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The bounds every kind of discovery shares: one too many is refused at once, one that
 * overruns its limit is stopped and answered 504 on time, and a task's own problem is
 * answered as it is.
 */
class DiscoveryRunnerTests {

	private final DiscoveryRunner runner = new DiscoveryRunner(
			new DiscoverySettings(1, Duration.ofSeconds(10), Duration.ofSeconds(60)));

	@AfterEach
	void stop() {
		this.runner.destroy();
	}

	@Test
	void aDiscoveryBeyondItsThreadsIsA503AtOnce() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread first = Thread.ofVirtual().start(() -> this.runner.run("first", Duration.ofSeconds(10), (deadline) -> {
			started.countDown();
			release.await();
			return "done";
		}));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		long start = System.nanoTime();
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.runner.run("second", Duration.ofSeconds(10), (deadline) -> "never"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(503);
				assertThat(ex.getBody().getType().toString()).isEqualTo("/problems/discovery-busy");
				assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("2");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
		release.countDown();
		first.join();
	}

	@Test
	void aDiscoveryThatOverrunsItsLimitIsInterruptedAndA504() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		long start = System.nanoTime();
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.runner.run("opc.tcp://slow:4840", Duration.ofMillis(300), (deadline) -> {
				try {
					Thread.sleep(30_000);
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
				}
				return "late";
			}))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(504);
				assertThat(ex.getBody().getDetail()).isEqualTo("no answer from opc.tcp://slow:4840 within 300 ms");
			});
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		// the thread is free for the next discovery
		assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
		String next = this.runner.run("next", Duration.ofSeconds(5), (deadline) -> "ok");
		assertThat(next).isEqualTo("ok");
	}

	@Test
	void aTasksOwnProblemIsAnsweredAsItIs() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.runner.run("x", Duration.ofSeconds(5), (deadline) -> {
				throw DiscoveryProblems.invalid("nodeId", "no such node");
			}))
			.satisfies((ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(400));
	}

	@Test
	void anUnexpectedFailureIsA502NamingTheTarget() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> this.runner.run("opc.tcp://plc:4840", Duration.ofSeconds(5), (deadline) -> {
				throw new IllegalStateException("boom");
			}))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(502);
				assertThat(ex.getBody().getDetail()).contains("opc.tcp://plc:4840").contains("boom");
			});
	}

}
