package org.timescales.refusal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A person's given or family name: letters of any script (with their combining marks), spaces,
 * apostrophes (' and ’), hyphens and full stops, with at least one letter — "Zoë", "Nguyễn",
 * "Ó Briain", "D'Souza", "Smith-Jones", "St. John". Anything else (markup, digits, line breaks,
 * invisible direction overrides) is a mistake or an attack: a name is shown in Tasklist's forms,
 * whose markdown would otherwise render it as HTML. Null is valid: {@code @NotBlank} says it is needed.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = PersonName.REGEXP)
@ReportAsSingleViolation
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonName {

	/**
	 * Possessive quantifiers, so a long hostile value is refused in linear time; the joiners (U+200C,
	 * U+200D) are part of how Persian and Indic names are written.
	 */
	String REGEXP = "[ '’.\\-\u2010]*+\\p{L}[\\p{L}\\p{M} '’.\\-\u2010\u200C\u200D]*+";

	String message() default "may contain only letters, spaces, apostrophes, hyphens and full stops";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
