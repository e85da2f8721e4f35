package org.timescales.security;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Each client's budget of failed sign-ins: a Bucket4j token bucket per client address of
 * {@code timescales.security.login-failures-per-minute} tokens, refilled at that rate. A sign-in takes a
 * token before its password is checked (so a burst of parallel guesses cannot all slip through) and
 * gives it back as soon as the password proves right: only failures spend the budget. With no token
 * left the password is not checked at all ({@link LoginThrottleFilter} answers 429), so an attacker
 * cannot advance anyone's failure count either.
 * <p>
 * Per node, in memory: with N nodes behind a balancer a client gets at most N budgets, which is
 * acceptable for throttling; nothing is shared, nothing survives a restart. The cache is bounded and
 * forgets a client once its bucket would be full again.
 * <p>
 * The client is the request's remote address, which Spring Boot rewrites from forwarded headers only
 * when {@code server.forward-headers-strategy} is configured; an IPv6 client is its /64 (one host
 * commonly holds the whole prefix).
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final int failuresPerMinute;

	private final Set<InetAddress> unthrottled;

	private final Cache<String, Bucket> clients;

	/** The sign-in this thread is checking: set by the filter around the request, settled by the events below. */
	private final ThreadLocal<Attempt> current = new ThreadLocal<>();

	LoginThrottle(@Value("${timescales.security.login-failures-per-minute:10}") int failuresPerMinute,
			@Value("${timescales.security.login-throttle-exempt:}") List<String> unthrottled) {
		if (failuresPerMinute < 1) {
			throw new IllegalArgumentException("timescales.security.login-failures-per-minute must be at least 1");
		}
		this.failuresPerMinute = failuresPerMinute;
		this.unthrottled = unthrottled.stream().filter(a -> !a.isBlank()).map(LoginThrottle::address)
			.collect(Collectors.toUnmodifiableSet());
		// an empty bucket is full again after a minute: a client unseen for longer has nothing to remember
		this.clients = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(100_000).build();
	}

	/** A sign-in about to be checked: a token taken, or the wait until one is back. */
	sealed interface Admission permits Attempt, Refused {
	}

	record Refused(long retryAfterSeconds) implements Admission {
	}

	Admission admit(String remoteAddress) {
		InetAddress address = address(remoteAddress);
		if (unthrottled.contains(address)) {
			return new Attempt(null, remoteAddress);
		}
		String client = clientOf(address);
		Bucket bucket = clients.get(client, c -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			return new Refused(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
		}
		return new Attempt(bucket, client);
	}

	void checking(Attempt attempt) {
		current.set(attempt);
	}

	void done() {
		current.remove();
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		Attempt attempt = current.get();
		if (attempt != null) {
			attempt.settle(false);
		}
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		Attempt attempt = current.get();
		if (attempt != null) {
			attempt.settle(true);
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(failuresPerMinute)
				.refillGreedy(failuresPerMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

	static String clientOf(InetAddress address) {
		if (address instanceof Inet6Address) {
			byte[] prefix = address.getAddress();
			java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
			try {
				return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return address.getHostAddress();
	}

	/** A numeric address (the servlet container's remote address): parsed, never looked up. */
	private static InetAddress address(String literal) {
		try {
			return InetAddress.getByName(literal.strip());
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an address: " + literal, ex);
		}
	}

	/** One sign-in holding a token until it is known whether its password was right. */
	static final class Attempt implements Admission {

		private final Bucket bucket;

		private final String client;

		private boolean settled;

		private Attempt(Bucket bucket, String client) {
			this.bucket = bucket;
			this.client = client;
		}

		/** A failure keeps the token spent; anything else gives it back. Once per sign-in. */
		synchronized void settle(boolean failed) {
			if (settled || bucket == null) {
				return;
			}
			settled = true;
			if (!failed) {
				bucket.addTokens(1);
			}
			else if (bucket.getAvailableTokens() == 0) {
				log.warn("Client {} has spent its budget of failed sign-ins: refused (429) until it refills", client);
			}
		}

	}

}
