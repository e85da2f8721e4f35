package org.timescales.attack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A timer firing on the same case at the very moment a person's request is saved, made deterministic:
 * when the request's engine command reaches a task event of the case (the engine publishes task events
 * to Spring), it is held there while another thread commits a write to the same case — a due timer job
 * executed, or a job's revision moved as the job executor's lock moves it — and only then goes on to
 * save, so its save finds the rows changed under it. Once per transaction: every retry of the request
 * is a new attempt, and {@code collisionForAttempt} says what (if anything) collides with it.
 */
final class SameCaseCollision implements ApplicationListener<PayloadApplicationEvent<?>>, AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final String processInstanceId;

	private final String eventName;

	private final IntFunction<Runnable> collisionForAttempt;

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	private final ExecutorService otherThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "collider"));

	private final Object marker = new Object();

	private SameCaseCollision(ConfigurableApplicationContext context, String processInstanceId, String eventName,
			IntFunction<Runnable> collisionForAttempt) {
		this.context = context;
		this.processInstanceId = processInstanceId;
		this.eventName = eventName;
		this.collisionForAttempt = collisionForAttempt;
	}

	/** From now until closed, each attempt reaching {@code eventName} on a task of the instance is collided with. */
	static SameCaseCollision on(ConfigurableApplicationContext context, String processInstanceId, String eventName,
			IntFunction<Runnable> collisionForAttempt) {
		SameCaseCollision collision = new SameCaseCollision(context, processInstanceId, eventName, collisionForAttempt);
		context.addApplicationListener(collision);
		return collision;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<?> event) {
		if (!(event.getPayload() instanceof DelegateTask task) || !eventName.equals(task.getEventName())
				|| !processInstanceId.equals(task.getProcessInstanceId())
				|| Thread.currentThread().getName().equals("collider")
				|| !TransactionSynchronizationManager.isSynchronizationActive()
				|| TransactionSynchronizationManager.hasResource(marker)) {
			return;
		}
		// the first such event of this transaction: one collision per attempt, however many tasks it touches
		TransactionSynchronizationManager.bindResource(marker, Boolean.TRUE);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				TransactionSynchronizationManager.unbindResourceIfPossible(marker);
			}
		});
		Runnable collision = collisionForAttempt.apply(attempts.incrementAndGet());
		if (collision == null) {
			return;
		}
		try {
			// committed by another thread while this command waits; bounded, so a lock wait cannot hang the test
			otherThread.submit(collision).get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			failure.compareAndSet(null, ex);
		}
	}

	/** How many attempts of the request reached the event. */
	int attempts() {
		return attempts.get();
	}

	/** Fails the test if a colliding write could not be committed. */
	void assertCollided() {
		if (failure.get() != null) {
			throw new AssertionError("the colliding write failed", failure.get());
		}
	}

	@Override
	public void close() {
		context.removeApplicationListener(this);
		otherThread.shutdownNow();
	}

}
