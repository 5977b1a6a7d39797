package io.parx.web.console;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * How long browsers keep the app's files. Vite names every file under {@code /assets/}
 * after a hash of its content, so a changed file gets a new name and the old one may be
 * cached for good (RFC 8246 {@code immutable}: not even revalidated on reload).
 * {@code index.html} names the current files, so it is revalidated on every visit
 * ({@code no-cache}); after an update the browser fetches the new assets at once.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleResources implements WebFluxConfigurer {

	/** Where the Vite build puts the app (web/frontend/vite.config.ts). */
	static final String LOCATION = "classpath:/static/";

	private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// A missing asset stays a 404: it is never answered with index.html, which a
		// browser would try to run as a script.
		registry.addResourceHandler("/assets/**").addResourceLocations(LOCATION + "assets/").setCacheControl(HASHED);
		registry.addResourceHandler("/index.html")
			.addResourceLocations(LOCATION)
			.setCacheControl(CacheControl.noCache());
	}

}
