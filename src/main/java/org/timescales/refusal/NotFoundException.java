package org.timescales.refusal;

/** Answered 404 with the message. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
