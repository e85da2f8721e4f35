package org.timescales;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
	void everyModuleSaysWhatItIsFor() {
		assertThat(MODULES.stream())
			.allSatisfy(module -> assertThat(Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'),
					"package-info.java"))
				.as("package-info.java of module %s", module.getName())
				.isRegularFile());
	}

	/**
	 * Writes the documentation and draws the diagram of all the modules; with
	 * {@code -Dmodules.docs=docs/modules} draws every module's too and refreshes the copy in docs/.
	 */
	@Test
	void theModuleDocumentationIsWrittenAndDrawn() throws IOException {
		new Documenter(MODULES, GENERATED.toString()).writeDocumentation();
		String copyTo = System.getProperty("modules.docs");
		try (Stream<Path> diagrams = Files.list(GENERATED)) {
			for (Path puml : diagrams.filter(p -> p.toString().endsWith(".puml")).sorted().toList()) {
				if (copyTo != null || puml.getFileName().toString().equals("components.puml")) {
					draw(puml);
				}
			}
		}
		if (copyTo != null) {
			Path target = Path.of(copyTo);
			Files.createDirectories(target);
			try (Stream<Path> files = Files.list(GENERATED)) {
				for (Path file : files.toList()) {
					Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	private static void draw(Path puml) throws IOException {
		Path svg = Path.of(puml.toString().replaceFirst("\\.puml$", ".svg"));
		// Smetana: PlantUML's own port of Graphviz's layout, so no dot binary is needed
		String source = Files.readString(puml).replaceFirst("@startuml\\R", "@startuml\n!pragma layout smetana\n");
		try (OutputStream out = Files.newOutputStream(svg)) {
			new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG));
		}
		assertThat(Files.readString(svg)).as(svg.toString())
			.contains("<svg")
			.doesNotContain("Syntax Error")
			.doesNotContain("Cannot find Graphviz");
	}

}
