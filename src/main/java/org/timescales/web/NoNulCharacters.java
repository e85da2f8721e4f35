package org.timescales.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.stereotype.Component;

/**
 * No text in a request may carry a NUL character: PostgreSQL refuses it in any column (a 500 after
 * the request was accepted), and no form or front door sends one on purpose. Refused as a bad field.
 */
@Component
class NoNulCharacters extends SimpleModule {

	NoNulCharacters() {
		super("NoNulCharacters");
		addDeserializer(String.class, new StringDeserializer() {
			@Override
			public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
				String value = super.deserialize(parser, context);
				if (value != null && value.indexOf('\u0000') >= 0) {
					throw InvalidFormatException.from(parser, "contains a NUL character", value, String.class);
				}
				return value;
			}
		});
	}

}
