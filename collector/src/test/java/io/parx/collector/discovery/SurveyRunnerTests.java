package io.parx.collector.discovery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.parx.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bounds every discovery runs within (issue #20): a few at a time, refused rather
 * than queued beyond, and an answer by the time limit whatever the survey does.
 */
class SurveyRunnerTests {

	@Test
	void aSurveyPastItsLimitIsInterruptedAndAnsweredWith504() throws Exception {
		CountDownLatch interrupted = new CountDownLatch(1);
		try (SurveyRunner runner = new SurveyRunner("test", 1)) {
			long start = System.nanoTime();
			assertThatThrownBy(() -> runner.run(Duration.ofMillis(200), () -> {
				try {
					Thread.sleep(Duration.ofSeconds(30));
				}
				catch (InterruptedException ex) {
					interrupted.countDown();
				}
				return "late";
			})).isInstanceOfSatisfying(ProblemException.class, (ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(504);
				assertThat(ex.problem().getType().toString()).isEqualTo("/problems/device-timeout");
			});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			// the survey's thread is freed to close its connection
			assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	@Test
	void aSurveyBeyondTheConcurrencyIsRefusedWith503AndRetryAfter() throws Exception {
		CountDownLatch running = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		try (SurveyRunner runner = new SurveyRunner("test", 1)) {
			Thread first = Thread.ofVirtual().start(() -> runner.run(Duration.ofSeconds(30), () -> {
				running.countDown();
				release.await();
				return "first";
			}));
			assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

			assertThatThrownBy(() -> runner.run(Duration.ofSeconds(1), () -> "second"))
				.isInstanceOfSatisfying(ProblemException.class, (ex) -> {
					assertThat(ex.getStatusCode().value()).isEqualTo(503);
					assertThat(ex.getHeaders().getFirst("Retry-After")).isEqualTo("2");
				});
			release.countDown();
			first.join();
			// the thread is free again
			assertThat(runner.run(Duration.ofSeconds(5), () -> "third")).isEqualTo("third");
		}
	}

	@Test
	void aProblemOfTheSurveyReachesTheCallerAsItIs() {
		try (SurveyRunner runner = new SurveyRunner("test", 1)) {
			assertThatThrownBy(() -> runner.run(Duration.ofSeconds(5), () -> {
				throw DiscoveryProblems.failed("cannot connect to tcp://plant:1883: Connection refused");
			})).isInstanceOfSatisfying(ProblemException.class,
					(ex) -> assertThat(ex.getStatusCode().value()).isEqualTo(502));
		}
	}

}
