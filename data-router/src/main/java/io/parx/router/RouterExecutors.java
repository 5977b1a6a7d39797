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
		return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("router-sender-", 0).factory());
	}

}
