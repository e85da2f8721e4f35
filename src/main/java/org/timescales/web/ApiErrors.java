package org.timescales.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.timescales.system.Collisions;
import org.timescales.system.DatabaseUnavailable;

/**
 * Every error from {@code /api} is JSON naming what was wrong: {@code {"status":400,"error":"Bad Request",
 * "message":"...","errors":[{"field":"child.dateOfBirth","message":"..."}]}}.
 */
@RestControllerAdvice(basePackages = "org.timescales")
class ApiErrors {

	record ErrorBody(int status, String error, String message, List<FieldError> errors) {
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ErrorBody> invalid(InvalidRequestException ex) {
		return badRequest(ex.errors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException ex) {
		return badRequest(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.collect(Collectors.toList()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return badRequest(List.of(new FieldError(path(unknown), "is not a field of this request")));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			return badRequest(List.of(new FieldError(path(mapping), "has the wrong type or format")));
		}
		if (cause instanceof JsonProcessingException parsing) {
			return badRequest(List.of(new FieldError("body", "is not valid JSON: " + parsing.getOriginalMessage())));
		}
		return badRequest(List.of(new FieldError("body", "is missing or unreadable")));
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.body(new ErrorBody(415, "Unsupported Media Type", "Send the request as application/json",
					List.of(new FieldError("Content-Type", "must be application/json"))));
	}

	/** The engine refusing a value (a form date in the future): its message starts with the field. */
	@ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
	ResponseEntity<ErrorBody> refused(org.camunda.bpm.engine.BadUserRequestException ex) {
		String message = ex.getMessage();
		int colon = message.indexOf(": ");
		String field = colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9.]+") ? message.substring(0, colon)
				: "body";
		return badRequest(List.of(new FieldError(field, colon > 0 ? message.substring(colon + 2) : message)));
	}

	/**
	 * A refusal (403) or a conflict (409) raised with its reason: the reason is the message. Others
	 * keep Spring's default handling.
	 */
	@ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
	ResponseEntity<ErrorBody> refused(org.springframework.web.server.ResponseStatusException ex) {
		if (ex.getStatusCode().value() != 403 && ex.getStatusCode().value() != 409) {
			throw ex;
		}
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		return ResponseEntity.status(status)
			.body(new ErrorBody(status.value(), status.getReasonPhrase(), ex.getReason(), List.of()));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ErrorBody> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(new ErrorBody(404, "Not Found", ex.getMessage(), List.of()));
	}

	/**
	 * A collision with a timer or a person changing the same case that was still there after the
	 * command's tries (org.timescales.system.CollisionRetry): 409 with Retry-After and a sentence saying
	 * nothing was saved. The database out of reach (an outage, a failover): 503, likewise. Every other
	 * failure is rethrown, for the default handling.
	 */
	@ExceptionHandler({ org.springframework.dao.DataAccessException.class,
			org.springframework.transaction.TransactionException.class,
			org.camunda.bpm.engine.ProcessEngineException.class })
	ResponseEntity<ErrorBody> databaseUnavailable(RuntimeException ex) {
		if (Collisions.causedBy(ex)) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.header(HttpHeaders.RETRY_AFTER, Collisions.RETRY_AFTER_SECONDS)
				.body(new ErrorBody(409, "Conflict", Collisions.MESSAGE, List.of()));
		}
		if (!DatabaseUnavailable.causedBy(ex)) {
			throw ex;
		}
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
			.body(new ErrorBody(503, "Service Unavailable", DatabaseUnavailable.MESSAGE, List.of()));
	}

	private static ResponseEntity<ErrorBody> badRequest(List<FieldError> errors) {
		String message = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
		return ResponseEntity.badRequest().body(new ErrorBody(400, "Bad Request", message, errors));
	}

	/** Jackson's path as a dotted field name: child.dateOfBirth, or items[2].name. */
	private static String path(JsonMappingException ex) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
			}
			else {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

}
