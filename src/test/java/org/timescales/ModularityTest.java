package org.timescales;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules (each package under org.timescales) and the dependencies between them, as Spring
 * Modulith reads them from the classes: no cycles, no module reaching into another's internals, each
 * saying what it is for (package-info.java). The documentation it generates — a component diagram of
 * all the modules and one per module, PlantUML rendered to SVG — goes under
 * target/spring-modulith-docs; {@code -Dmodules.docs=docs/modules} also refreshes the copy the README
 * links.
 */
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(TimescalesApplication.class);

	static final Path GENERATED = Path.of("target", "spring-modulith-docs");

	@Test
	void theModulesHaveNoCyclesAndUseOnlyEachOthersApi() {
		MODULES.verify();
	}

	@Test
	void theModuleDocumentationIsWrittenAndDrawn() throws IOException {
		new Documenter(MODULES, GENERATED.toString()).writeDocumentation();
		try (Stream<Path> diagrams = Files.list(GENERATED)) {
			for (Path puml : diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
				Path svg = Path.of(puml.toString().replaceFirst("\\.puml$", ".svg"));
				try (OutputStream out = Files.newOutputStream(svg)) {
					new SourceStringReader(Files.readString(puml)).outputImage(out, new FileFormatOption(FileFormat.SVG));
				}
				assertThat(Files.readString(svg)).as(svg.toString()).contains("<svg").doesNotContain("Syntax Error");
			}
		}
		String copyTo = System.getProperty("modules.docs");
		if (copyTo != null) {
			Path target = Path.of(copyTo);
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(GENERATED)) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

}
