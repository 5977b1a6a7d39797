package io.parx.storage.config;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoalescedReloadTests {

	@Test
	void aBurstOfRequestsDuringAReloadMakesOneMoreReloadNotOneEach() throws Exception {
		AtomicInteger reloads = new AtomicInteger();
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CoalescedReload reload = new CoalescedReload("test-reload", () -> {
			reloads.incrementAndGet();
			started.countDown();
			waitFor(release);
		});

		reload.request();
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
		for (int i = 0; i < 10_000; i++) {
			reload.request();
		}
		release.countDown();

		// the one that waited covers every request made while the first ran
		await().untilAsserted(() -> assertThat(reloads.get()).isEqualTo(2));
		Thread.sleep(200);
		assertThat(reloads.get()).isEqualTo(2);
	}

	@Test
	void aRequestAfterAReloadStartedGetsAReloadOfItsOwn() {
		AtomicInteger reloads = new AtomicInteger();
		CoalescedReload reload = new CoalescedReload("test-reload", reloads::incrementAndGet);

		reload.request();
		await().untilAsserted(() -> assertThat(reloads.get()).isEqualTo(1));
		reload.request();
		await().untilAsserted(() -> assertThat(reloads.get()).isEqualTo(2));
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
