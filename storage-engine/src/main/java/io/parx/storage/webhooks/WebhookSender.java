package io.parx.storage.webhooks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * POSTs one payload to a webhook with the JDK's HTTP client: connect and request
 * timeouts, no redirects followed (a 3xx is a failed attempt: the secret is not carried
 * to another host), the answer's body ignored.
 */
class WebhookSender implements AutoCloseable {

	private final HttpClient client;

	private final Duration requestTimeout;

	WebhookSender(Duration connectTimeout, Duration requestTimeout) {
		this.client = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(Executors.newVirtualThreadPerTaskExecutor())
			.build();
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Sends it; never throws for the receiver's sake.
	 * @param deliveryId sent as {@code X-ParX-Delivery}, the same for every attempt
	 */
	Result send(Webhook webhook, long deliveryId, String event, String payload) throws InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(webhook.config().url())
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "ParX-Webhook/1")
			.header("X-ParX-Delivery", Long.toString(deliveryId))
			.header("X-ParX-Event", event)
			.POST(HttpRequest.BodyPublishers.ofString(payload));
		if (webhook.secret() != null) {
			request.header(webhook.config().secretHeader(), webhook.secret());
		}
		try {
			HttpResponse<Void> response = this.client.send(request.build(), HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return new Result(status, (status >= 200 && status < 300) ? null : "HTTP " + status);
		}
		catch (IOException | IllegalArgumentException ex) {
			// The exception's text, not the request: it names no header.
			return new Result(null,
					ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * What one attempt came to.
	 *
	 * @param statusCode the receiver's answer, {@code null} when there was none
	 * @param error why it failed, {@code null} when it was a 2xx
	 */
	record Result(Integer statusCode, String error) {

		boolean delivered() {
			return this.error == null;
		}

	}

}
