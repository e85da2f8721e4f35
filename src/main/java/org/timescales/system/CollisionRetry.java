package org.timescales.system;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every {@code /api} command and page form (a {@code @PostMapping} of our controllers) that collides with a timer or
 * a person changing the same case is tried again, up to {@link Collisions#ATTEMPTS} times in all; a
 * collision left after that reaches {@code ApiErrors}, which answers 409 with Retry-After. The
 * controllers are not transactional themselves, or (one is) their transaction starts inside this
 * advice (it runs first of all advice), so each try is a transaction of its own and a failed one was
 * rolled back whole — the engine's writes and our tables' alike.
 * <p>
 * A plain loop in an aspect, not spring-retry: three tries and a jittered pause need no library, and
 * spring-retry would bring its own proxying and annotations for the same few lines.
 */
@Aspect
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CollisionRetry {

	private static final Logger log = LoggerFactory.getLogger(CollisionRetry.class);

	@Around("within(org.timescales..*) && (@within(org.springframework.web.bind.annotation.RestController) "
			+ "|| @within(org.springframework.stereotype.Controller)) "
			+ "&& @annotation(org.springframework.web.bind.annotation.PostMapping)")
	Object retryOnCollision(ProceedingJoinPoint command) throws Throwable {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// called inside someone's transaction: trying again here could not undo the first try
			return command.proceed();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return command.proceed();
			}
			catch (RuntimeException ex) {
				if (attempt >= Collisions.ATTEMPTS || !Collisions.causedBy(ex)) {
					throw ex;
				}
				log.info("{} collided with another change to the same case (try {} of {}): trying again",
						command.getSignature().toShortString(), attempt, Collisions.ATTEMPTS);
				Collisions.pause(attempt);
			}
		}
	}

}
