package org.timescales.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.timescales.refusal.FieldError;

/**
 * Spring MVC's own refusals of an {@code /api} request, as problem details like every other /api error
 * ({@link ApiProblem}): no such path (404), a method the path does not take (405, with Allow), a body
 * that is not JSON where the mapping consumes only JSON (415, as {@link ApiErrors} answers it), an
 * answer in none of the types the request accepts (406), a missing or mistyped query parameter (400
 * naming it). Spring's own sentence is the detail. For any request, not only our controllers': a path
 * no controller maps has none. A page's, the engine API's and actuator's are rethrown, for Spring's
 * default handling (the HTML error page, /error's JSON), as before.
 */
@RestControllerAdvice
class SpringRefusals {

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			HttpMediaTypeNotAcceptableException.class, ServletRequestBindingException.class,
			TypeMismatchException.class })
	ResponseEntity<ProblemDetail> refused(Exception ex, HttpServletRequest request) throws Exception {
		if (!ApiProblem.isApi(request)) {
			throw ex;
		}
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof ErrorResponse spring) {
			// Allow for a 405, Accept for a 415
			headers.putAll(spring.getHeaders());
		}
		ProblemDetail problem = problem(ex);
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static ProblemDetail problem(Exception ex) {
		if (ex instanceof MissingServletRequestParameterException missing) {
			return ApiProblem.badRequest(List.of(new FieldError(missing.getParameterName(), "is required")));
		}
		if (ex instanceof TypeMismatchException mismatch) {
			// a request parameter's conversion always names it
			return mismatch.getPropertyName() == null ? ApiProblem.of(HttpStatus.BAD_REQUEST, null, null)
					: ApiProblem.badRequest(
							List.of(new FieldError(mismatch.getPropertyName(), "has the wrong type or format")));
		}
		if (ex instanceof HttpMediaTypeNotSupportedException) {
			return ApiErrors.unsupportedMediaType();
		}
		ErrorResponse spring = (ErrorResponse) ex;
		// "No static resource api/…": the API serves none, the path is just not one of its own
		String detail = ex instanceof NoResourceFoundException ? null : spring.getBody().getDetail();
		return ApiProblem.of(spring.getStatusCode(), detail, spring.getStatusCode().value() == 400 ? null : List.of());
	}

}
