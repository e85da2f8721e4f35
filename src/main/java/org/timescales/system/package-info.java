/**
 * Shared infrastructure: how Timescales runs on its database and engine, whichever module is at work. A
 * command that collides with a timer or another person changing the same case (the engine's optimistic
 * locking, a deadlock) is tried again, whole (three tries in all), for our API and pages and for task
 * completions through the engine's APIs, then answered 409 with Retry-After; a lost database is told apart
 * from every other failure so that it is answered 503. The engine starts only after Flyway has created our
 * tables, and gets the indexes and PostgreSQL planner settings its own schema lacks at a county's volume.
 * <p>
 * Its public surface is {@link org.timescales.system.Collisions} and
 * {@link org.timescales.system.DatabaseUnavailable} (what counts as each, and the sentence a person is told)
 * and {@link org.timescales.system.SqlTimes} (instants in and out of {@code timestamp with time zone}
 * columns, the same on H2 and PostgreSQL) and {@link org.timescales.system.EngineManagers} (a module's own
 * subclass of one of the engine's per-command managers). The retry advice and filter, the engine plugin and the start-up
 * ordering are internal. It owns no table (the indexes it adds are on the engine's), depends on no other
 * module and publishes no events.
 */
package org.timescales.system;
