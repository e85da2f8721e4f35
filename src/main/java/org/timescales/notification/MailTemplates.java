package org.timescales.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.timescales.rules.TimescalesProperties;

/**
 * Mail bodies from Thymeleaf templates in {@code templates/mail/}: {@code <name>.txt} (TEXT mode) for
 * the plain part and {@code <name>.html} (HTML mode, escaped) for the HTML part. The text template's
 * first line is {@code Subject: …}; the rest is the body. The HTML template gets the subject as
 * {@code subject}.
 *
 * <p>The engine is private, not a bean: a second {@code SpringTemplateEngine} bean would make Spring
 * Boot drop the one the web pages (the outbox page) use.
 */
@Component
public class MailTemplates {

	private static final String PREFIX = "templates/mail/";

	private static final String SUBJECT = "Subject:";

	// mail is for people in England: day and month names in English whatever the JVM's locale
	private static final Locale LOCALE = Locale.UK;

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final URI publicUrl;

	public MailTemplates(TimescalesProperties properties) {
		this.publicUrl = properties.publicUrl();
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
	}

	/** A rendered mail: one subject line, the plain text and its HTML alternative. */
	public record Mail(String subject, String text, String html) {
	}

	/**
	 * Renders {@code templates/mail/<template>.txt} and {@code .html} with the model.
	 *
	 * @throws IllegalStateException if the text template does not start with a subject line
	 */
	public Mail render(String template, Map<String, Object> model) {
		// a template may open with a comment line: the subject is the first line of what it renders
		String rendered = engine.process(template + ".txt", new Context(LOCALE, model)).stripLeading();
		if (!rendered.startsWith(SUBJECT)) {
			throw new IllegalStateException("Mail template " + template + ".txt must start with '" + SUBJECT + " …'");
		}
		int endOfSubject = rendered.indexOf('\n');
		String subject = (endOfSubject < 0 ? rendered : rendered.substring(0, endOfSubject))
			.substring(SUBJECT.length())
			.strip();
		String text = endOfSubject < 0 ? "" : rendered.substring(endOfSubject + 1).stripLeading();
		Map<String, Object> htmlModel = new HashMap<>(model);
		htmlModel.put("subject", subject);
		String html = engine.process(template + ".html", new Context(LOCALE, htmlModel));
		return new Mail(subject, text, html);
	}

	/** The Tasklist, where a person's work queue is. */
	public String tasklistUrl() {
		return publicUrl.resolve("/camunda/app/tasklist/").toString();
	}

	/** The managers' oversight page, which lists every breach a digest has no room for. */
	public String oversightUrl() {
		return publicUrl.resolve("/oversight").toString();
	}

	/** The case page; a link, so the mail itself need not carry the child's details. */
	public String caseUrl(String caseRef) {
		return publicUrl.resolve("/cases/" + UriUtils.encodePathSegment(caseRef, StandardCharsets.UTF_8))
			.toString();
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix(PREFIX);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

}
