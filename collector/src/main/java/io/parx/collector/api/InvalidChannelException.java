package io.parx.collector.api;

/** A channel in a request that cannot be built; answered as a validation problem. */
class InvalidChannelException extends RuntimeException {

	InvalidChannelException(String message) {
		super(message);
	}

}
