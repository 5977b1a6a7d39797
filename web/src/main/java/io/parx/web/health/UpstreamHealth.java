package io.parx.web.health;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import io.parx.web.upstream.UpstreamSettings;

/**
 * The health contributor {@code upstreams}: one member per service, named like the
 * service ({@code upstreams/admin-api}, ...). The readiness group includes only the
 * admin-api (application.yml): without it nobody can sign in, while without another
 * service the app still works and shows what is missing. Liveness includes no service, so
 * an outage behind the gateway never gets the gateway restarted.
 */
@Configuration(proxyBeanMethods = false)
class UpstreamHealth {

	@Bean
	CompositeReactiveHealthContributor upstreams(UpstreamSettings upstreams) {
		UpstreamSettings.Health health = upstreams.health();
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(health.timeout().toMillis()))
			.responseTimeout(health.timeout());
		WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		return CompositeReactiveHealthContributor.fromMap(upstreams.byName(),
				(url) -> new UpstreamHealthIndicator(client, url, health.timeout(), health.cacheFor()));
	}

}
