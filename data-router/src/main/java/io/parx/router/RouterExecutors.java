package io.parx.router;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The router's own threads: one small scheduler for timers (rate limits, watchdog,
 * directory refresh) and a virtual thread per busy session sender, so a client whose
 * socket blocks holds up only its own sender.
 */
@Configuration(proxyBeanMethods = false)
class RouterExecutors {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService routerScheduler() {
		return Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("router-timer").daemon().factory());
	}

	@Bean(destroyMethod = "shutdownNow")
	ExecutorService routerSenders() {
		// One name for all: a numbered name is a new string per thread, and a sender
		// thread
		// is started for nearly every frame.
		return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("router-sender").factory());
	}

}
