package org.timescales.calendar;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets {@code @ConfigurationProperties} bind "2 working days" straight to an {@link Interval}. */
@Component
@ConfigurationPropertiesBinding
public class IntervalConverter implements Converter<String, Interval> {

	@Override
	public Interval convert(String source) {
		return Interval.parse(source);
	}

}
