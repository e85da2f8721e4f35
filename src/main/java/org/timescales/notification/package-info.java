/**
 * Mail, never lost: code that wants a mail sent queues it in the outbox inside its own transaction (a
 * rolled-back escalation mails nobody), and a Quartz job, on one node of the cluster at a time, sends what is
 * due with retries and backoff; a mail server that is down delays mail, it never loses it. Mail bodies come
 * from the Thymeleaf templates in {@code templates/mail/}; administrators see the outbox (recipient and
 * subject, never the body) at {@code /admin/outbox}.
 * <p>
 * Other modules use {@link org.timescales.notification.MailOutbox} (queue a mail) and
 * {@link org.timescales.notification.MailTemplates} (render one, and the links it carries); the delivery, its
 * Quartz job and schedule, the outbox row and the admin page are public but its own machinery, which nothing
 * else calls. It owns the {@code mail_outbox} table.
 * <p>
 * Depends on {@code rules} (the public URL links are made from) and {@code system} (SQL times; telling a lost
 * database from a failed send). It publishes and listens to no events.
 */
package org.timescales.notification;
