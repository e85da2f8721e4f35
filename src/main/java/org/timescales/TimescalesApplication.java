package org.timescales;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TimescalesApplication {

	public static void main(String[] args) {
		// The engine parses zone-less dates in the JVM zone: every node runs on London time.
		TimeZone.setDefault(TimeZone.getTimeZone("Europe/London"));
		SpringApplication.run(TimescalesApplication.class, args);
	}

}
