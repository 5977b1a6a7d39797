package io.parx.web.console;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Pages of the browser app ({@code /dashboards/12}, {@code /signin}) exist only in the
 * app's router, so a bookmark or a reload asks the server for a path it has no file for:
 * such a browser navigation is answered with {@code index.html}, which starts the app on
 * that page.
 *
 * <p>
 * Only navigations count: a GET that names {@code text/html} in its {@code Accept} header
 * (every browser does when it loads a page; {@code fetch} and {@code curl} send
 * {@code *}{@code /*}). The services' paths, the actuator and the app's own files are
 * never deep links, so an unknown {@code /api/v1} path still reaches the admin-api and a
 * missing asset stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class DeepLinks {

	/** Paths that belong to the services, the gateway itself or the built files. */
	private static final List<String> NOT_PAGES = List.of("/api", "/ws", "/actuator", "/.well-known", "/assets");

	@Bean
	RouterFunction<ServerResponse> appPages(ResourceLoader resources) {
		Resource app = resources.getResource(ConsoleResources.LOCATION);
		Resource index = resources.getResource(ConsoleResources.LOCATION + "index.html");
		return RouterFunctions.resource((request) -> isPage(request, app), index,
				(resource, headers) -> headers.setCacheControl(CacheControl.noCache()));
	}

	static boolean isPage(ServerRequest request, Resource app) {
		String path = request.path();
		return request.method() == HttpMethod.GET && acceptsHtml(request) && !isReserved(path) && !isFile(app, path);
	}

	private static boolean acceptsHtml(ServerRequest request) {
		return request.headers()
			.accept()
			.stream()
			.anyMatch((type) -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
	}

	private static boolean isReserved(String path) {
		return NOT_PAGES.stream().anyMatch((prefix) -> path.equals(prefix) || path.startsWith(prefix + "/"));
	}

	private static boolean isFile(Resource app, String path) {
		if (path.equals("/")) {
			return false;
		}
		try {
			return app.createRelative(path.substring(1)).isReadable();
		}
		catch (Exception ex) {
			// A path that cannot name a file (e.g. malformed) is no file.
			return false;
		}
	}

}
