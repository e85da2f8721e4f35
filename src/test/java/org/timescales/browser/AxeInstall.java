package org.timescales.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Installs axe-core for the accessibility browser tests ({@link Axe}) from npm, as pinned by
 * src/test/axe/package-lock.json: {@code npm ci --prefix src/test/axe --no-audit --no-fund}. Run by Maven
 * before the tests (exec-maven-plugin, process-test-classes). axe-core is served by npm only (no Maven
 * artifact here), so where npm is not on the PATH nothing is installed and the accessibility tests report
 * themselves skipped; where npm is, a failed install fails the build.
 */
public final class AxeInstall {

	static final Path DIR = Path.of("src", "test", "axe");

	private AxeInstall() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		Optional<Path> npm = onPath(isWindows() ? List.of("npm.cmd", "npm.exe") : List.of("npm"));
		if (npm.isEmpty()) {
			System.out.println("axe-core not installed: npm is not on the PATH (the accessibility browser tests"
					+ " will be skipped)");
			return;
		}
		Path installed = DIR.resolve("node_modules/axe-core/package.json");
		Path lock = DIR.resolve("package-lock.json");
		if (Files.exists(installed) && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) > 0) {
			System.out.println("axe-core: installed in " + DIR.resolve("node_modules") + " (newer than its lock file)");
			return;
		}
		Process process = new ProcessBuilder(npm.get().toString(), "ci", "--prefix", DIR.toString(), "--no-audit",
				"--no-fund")
			.inheritIO()
			.start();
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException("npm ci --prefix " + DIR + " failed (exit " + exit + ")");
		}
	}

	private static Optional<Path> onPath(List<String> names) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		return Stream.of(path.split(File.pathSeparator))
			.filter(dir -> !dir.isBlank())
			.flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static boolean isWindows() {
		return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
	}

}
