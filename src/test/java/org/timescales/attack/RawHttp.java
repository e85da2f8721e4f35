package org.timescales.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket, as an attacker sends it: from a chosen loopback address (each test is
 * its own client, so one test's failed logins do not throttle another's), with any {@code Host} header
 * (java.net.http refuses to send one), and a cookie jar with the webapps' and Spring's CSRF tokens.
 */
final class RawHttp {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	private final int port;

	private final String from;

	private String host;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String springCsrf;

	RawHttp(int port, String from) {
		this.port = port;
		this.from = from;
		this.host = "localhost:" + port;
	}

	/** Sends every later request with this Host header. */
	RawHttp host(String forged) {
		this.host = forged;
		return this;
	}

	record Answer(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null ? null : values.get(0);
		}

		List<String> all(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static String form(String... pairs) {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			parts.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return String.join("&", parts);
	}

	Answer get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	/** Spring's form login: the login page's CSRF token, then the form. */
	Answer formLogin(String user, String password) {
		Answer page = get("/login", "Accept", "text/html");
		Matcher token = CSRF_FIELD.matcher(page.body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on the login page: " + page);
		}
		springCsrf = token.group(1);
		return send("POST", "/login", form("username", user, "password", password, "_csrf", springCsrf), "Content-Type",
				"application/x-www-form-urlencoded", "Accept", "text/html");
	}

	/** Spring's logout form: its page's CSRF token (signing in changed it), then the form. */
	Answer logout() {
		Matcher token = CSRF_FIELD.matcher(get("/logout", "Accept", "text/html").body());
		if (!token.find()) {
			throw new AssertionError("no CSRF token on the logout page");
		}
		springCsrf = token.group(1);
		return send("POST", "/logout", form("_csrf", springCsrf), "Content-Type", "application/x-www-form-urlencoded",
				"Accept", "text/html");
	}

	/** The Camunda webapps' login, as the browser sends it (their session and CSRF token first). */
	Answer webappLogin(String app, String user, String password) {
		if (!cookies.containsKey("XSRF-TOKEN")) {
			get("/camunda/app/" + app + "/default/", "Accept", "text/html");
		}
		Answer login = send("POST", "/camunda/api/admin/auth/user/default/login/" + app,
				form("username", user, "password", password), "Content-Type", "application/x-www-form-urlencoded",
				"Accept", "application/json");
		if (login.status() == 200) {
			// the session changed at login: fetch the token that belongs to it
			get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
		}
		return login;
	}

	Answer send(String method, String path, String body, String... headers) {
		byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		StringBuilder request = new StringBuilder();
		request.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(host).append("\r\n");
		request.append("Connection: close\r\n");
		for (int i = 0; i < headers.length; i += 2) {
			request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
		}
		if (!cookies.isEmpty()) {
			request.append("Cookie: ")
				.append(String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()))
				.append("\r\n");
		}
		if (cookies.containsKey("XSRF-TOKEN")) {
			request.append("X-XSRF-TOKEN: ").append(cookies.get("XSRF-TOKEN")).append("\r\n");
		}
		if (body != null) {
			request.append("Content-Length: ").append(content.length).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket()) {
			socket.setSoTimeout(30_000);
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(content);
			out.flush();
			Answer answer = parse(socket.getInputStream().readAllBytes());
			remember(answer);
			return answer;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + path + " from " + from, ex);
		}
	}

	private void remember(Answer answer) {
		for (String cookie : answer.all("Set-Cookie")) {
			String pair = cookie.split(";", 2)[0];
			int eq = pair.indexOf('=');
			cookies.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
		}
		String token = answer.header("X-XSRF-TOKEN");
		if (token != null && !"Required".equals(token)) {
			cookies.put("XSRF-TOKEN", token);
		}
	}

	private static Answer parse(byte[] raw) throws IOException {
		String all = new String(raw, StandardCharsets.ISO_8859_1);
		int end = all.indexOf("\r\n\r\n");
		String[] lines = all.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
		List<String> encoding = headers.get("transfer-encoding");
		if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
			body = dechunk(new java.io.ByteArrayInputStream(body));
		}
		return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder size = new StringBuilder();
			int c;
			while ((c = in.read()) != -1 && c != '\n') {
				if (c != '\r') {
					size.append((char) c);
				}
			}
			String hex = size.toString().split(";")[0].strip();
			if (hex.isEmpty() || c == -1) {
				return out.toByteArray();
			}
			int length = Integer.parseInt(hex, 16);
			if (length == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(length));
			in.read();
			in.read();
		}
	}

}
