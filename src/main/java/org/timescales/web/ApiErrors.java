package org.timescales.web;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.timescales.refusal.FieldError;
import org.timescales.refusal.InvalidRequestException;
import org.timescales.refusal.NotFoundException;
import org.timescales.system.Collisions;
import org.timescales.system.DatabaseUnavailable;

/**
 * Every error our controllers raise is a problem detail naming what was wrong ({@link ApiProblem}):
 * {@code {"type":"about:blank","title":"Bad Request","status":400,"detail":"...","instance":"/api/referrals",
 * "error":"Bad Request","message":"...","errors":[{"field":"child.dateOfBirth","message":"..."}]}}. Ordered
 * before {@link SpringRefusals}, which answers the same exceptions for requests no controller of ours took.
 */
@RestControllerAdvice(basePackages = "org.timescales")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidRequestException ex) {
		return badRequest(ex.errors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException ex) {
		return badRequest(ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
			.sorted(java.util.Comparator.comparing(FieldError::field))
			.collect(Collectors.toList()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
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
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException ex) {
		return answer(unsupportedMediaType());
	}

	/** Every /api request with a body sends JSON: also SpringRefusals' answer when no mapping consumes the type. */
	static ProblemDetail unsupportedMediaType() {
		return ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request as application/json",
				List.of(new FieldError("Content-Type", "must be application/json")));
	}

	/** The engine refusing a value (a form date in the future): its message starts with the field. */
	@ExceptionHandler(org.camunda.bpm.engine.BadUserRequestException.class)
	ResponseEntity<ProblemDetail> refused(org.camunda.bpm.engine.BadUserRequestException ex) {
		String message = ex.getMessage();
		int colon = message.indexOf(": ");
		String field = colon > 0 && message.substring(0, colon).matches("[A-Za-z0-9.]+") ? message.substring(0, colon)
				: "body";
		return badRequest(List.of(new FieldError(field, colon > 0 ? message.substring(colon + 2) : message)));
	}

	/**
	 * A refusal (403) or a conflict (409) raised with its reason: the reason is the detail. Another
	 * client error (a report's 400) likewise on /api, naming no field; a page's keeps Spring's default
	 * handling (its HTML error page), as does every other status.
	 */
	@ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
	ResponseEntity<ProblemDetail> refused(org.springframework.web.server.ResponseStatusException ex,
			HttpServletRequest request) {
		int status = ex.getStatusCode().value();
		if (status != 403 && status != 409 && !(ex.getStatusCode().is4xxClientError() && ApiProblem.isApi(request))) {
			throw ex;
		}
		return answer(ApiProblem.of(ex.getStatusCode(), ex.getReason(), status == 400 ? null : List.of()));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return answer(ApiProblem.of(HttpStatus.NOT_FOUND, ex.getMessage(), List.of()));
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
	ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException ex) {
		if (Collisions.causedBy(ex)) {
			return answer(ApiProblem.of(HttpStatus.CONFLICT, Collisions.MESSAGE, List.of()),
					Collisions.RETRY_AFTER_SECONDS);
		}
		if (!DatabaseUnavailable.causedBy(ex)) {
			throw ex;
		}
		return answer(ApiProblem.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, List.of()),
				DatabaseUnavailable.RETRY_AFTER_SECONDS);
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<FieldError> errors) {
		return answer(ApiProblem.badRequest(errors));
	}

	/**
	 * Always problem+json, whatever the request accepts or the mapping produces: an error is never
	 * refused for its media type (a 406 in place of the 400, or a page's 500).
	 */
	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** With Retry-After: a collision or an outage, over once the seconds have passed. */
	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, String retryAfterSeconds) {
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
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
