package io.parx.common.sample;

/** Bytes that are not a sample batch this version of ParX can read. */
public class SampleCodecException extends RuntimeException {

	public SampleCodecException(String message) {
		super(message);
	}

	public SampleCodecException(String message, Throwable cause) {
		super(message, cause);
	}

}
