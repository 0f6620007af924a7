package org.leadhandoff.outbox;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.PublishMessageResponse;
import io.grpc.Status;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leadhandoff.outbox.Outbox.Pending;
import org.leadhandoff.system.Backoff;
import org.leadhandoff.system.Causes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Publishes due outbox messages to the engine, at most {@code max-per-second}: real-time ones
 * first, bulk ones paced by the engine's backlog. A message the engine cannot take now is retried
 * with a growing backoff, for as long as it takes: a lead captured while the engine is away starts
 * its lifecycle once the engine is back.
 */
@Component
class OutboxDispatcher {

  private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final Outbox outbox;
  private final CamundaClient client;
  private final OutboxProperties properties;
  private final Clock clock;
  private final BulkPace pace;

  OutboxDispatcher(Outbox outbox, CamundaClient client, OutboxProperties properties, Clock clock) {
    this.outbox = outbox;
    this.client = client;
    this.properties = properties;
    this.clock = clock;
    this.pace =
        new BulkPace(
            properties.bulkInFlight(),
            properties.bulkMaxInFlight(),
            properties.bulkTarget(),
            properties.bulkWindow(),
            properties.realtimeQuiet(),
            properties.bulkAnswerTarget());
  }

  /** Sends real-time messages as soon as they are committed, one round at a time. */
  private final ExecutorService nudged =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().name("outbox-realtime").daemon().factory());

  private final AtomicBoolean nudgeWaiting = new AtomicBoolean();

  /**
   * A hot lead's capture (an API call, a webhook, an engagement event, a task's completion) goes to
   * the engine when its transaction commits, not at the next round: a round every {@code
   * poll-interval} added half of it to every hot lead's way to a person, on average. Nudges that
   * come while a round waits to run share it; the scheduled rounds still catch whatever a nudge
   * missed (another instance's message, a retry).
   */
  // The outbox is only written inside a transaction (MANDATORY): this runs after its commit.
  @TransactionalEventListener
  void on(Outbox.RealtimeAdded added) {
    if (nudgeWaiting.compareAndSet(false, true)) {
      try {
        nudged.execute(
            () -> {
              nudgeWaiting.set(false);
              try {
                dispatch();
              } catch (RuntimeException e) {
                // The store or the engine is away: the scheduled rounds retry.
                log.debug("A nudged outbox round failed: {}", e.getMessage());
              }
            });
      } catch (RejectedExecutionException shuttingDown) {
        nudgeWaiting.set(false);
      }
    }
  }

  @PreDestroy
  void stop() {
    nudged.shutdownNow();
  }

  /** Real-time messages, every round, never waiting for a bulk round to finish. */
  @Scheduled(
      initialDelayString = "${lead-handoff.outbox.poll-interval:PT0.1S}",
      fixedDelayString = "${lead-handoff.outbox.poll-interval:PT0.1S}")
  void dispatch() {
    long start = System.nanoTime();
    List<Pending> due = outbox.claim(Lane.REALTIME, properties.batchSize(), properties.claimFor());
    if (due.isEmpty()) {
      return;
    }
    pace.realtimePublished(clock.instant());
    long claimed = System.nanoTime();
    publishAll(due, false);
    // Where a person's lead waits on its way to the engine: the store or the engine's answer.
    log.debug(
        "Real-time round: {} claimed in {} ms, published and marked in {} ms",
        due.size(),
        (claimed - start) / 1_000_000,
        (System.nanoTime() - claimed) / 1_000_000);
  }

  /**
   * Bulk messages on their own schedule: only as many as the engine scores within {@code
   * bulk-target} ({@link BulkPace}).
   */
  @Scheduled(
      initialDelayString = "${lead-handoff.outbox.poll-interval:PT0.1S}",
      fixedDelayString = "${lead-handoff.outbox.poll-interval:PT0.1S}")
  void dispatchBulk() {
    List<java.util.UUID> waiting = pace.waiting();
    if (!waiting.isEmpty()) {
      List<java.util.UUID> landed = new ArrayList<>(waiting);
      landed.removeAll(outbox.stillUnscored(waiting));
      pace.landed(landed);
    }
    if (outbox.due(Lane.BULK, 1).isEmpty()) {
      return;
    }
    int allowed = pace.allowed(clock.instant());
    if (allowed <= 0) {
      return;
    }
    List<Pending> due =
        outbox.claim(Lane.BULK, Math.min(allowed, properties.batchSize()), properties.claimFor());
    for (Pending message : due) {
      if (MessageKind.valueOf(message.kind()) == MessageKind.LEAD_CAPTURED) {
        pace.published(message.leadId(), clock.instant());
      }
    }
    publishAll(due, true);
  }

  /** The pace of the bulk lane: what the dispatcher counts as in the engine. */
  BulkPace pace() {
    return pace;
  }

  /**
   * @param bulk whether to tell the bulk lane's pace how long the engine took to answer the first
   *     publish (the later ones also wait for the round's own)
   */
  private void publishAll(List<Pending> due, boolean bulk) {
    if (due.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    List<Future<PublishMessageResponse>> sent = new ArrayList<>(due.size());
    for (Pending message : due) {
      sent.add(publish(message));
    }
    for (int i = 0; i < due.size(); i++) {
      Pending message = due.get(i);
      try {
        sent.get(i).get();
        if (bulk && i == 0) {
          pace.answered(Duration.ofNanos(System.nanoTime() - start));
        }
        outbox.sent(message.id());
      } catch (Exception e) {
        Throwable cause =
            e instanceof CompletionException || e.getCause() != null ? e.getCause() : e;
        if (alreadyPublished(e)) {
          outbox.sent(message.id());
        } else {
          Duration backoff = backoff(message.attempts());
          log.warn(
              "Could not publish {} for lead {} (attempt {}), retrying in {}: {}",
              message.kind(),
              message.leadId(),
              message.attempts() + 1,
              backoff,
              cause == null ? e.toString() : cause.getMessage());
          outbox.failed(
              message.id(),
              String.valueOf(cause == null ? e : cause.getMessage()),
              clock.instant().plus(backoff));
        }
      }
    }
  }

  private Future<PublishMessageResponse> publish(Pending message) {
    MessageKind kind = MessageKind.valueOf(message.kind());
    return client
        .newPublishMessageCommand()
        .messageName(kind.messageName())
        .correlationKey(message.leadId().toString())
        .messageId(message.messageId())
        .timeToLive(kind.timeToLive())
        .variables(message.variables())
        .requestTimeout(REQUEST_TIMEOUT)
        .send()
        .toCompletableFuture();
  }

  /** The engine already has a message with this id: a publish that succeeded before a crash. */
  static boolean alreadyPublished(Throwable failure) {
    // The client wraps the gRPC status differently on different paths (measured: the benchmark's
    // timed-out publishes came back as a bare StatusRuntimeException): look through the chain.
    return Causes.any(
        failure,
        t ->
            (t instanceof ClientStatusException status
                    && status.getStatusCode() == Status.Code.ALREADY_EXISTS)
                || (t instanceof io.grpc.StatusRuntimeException grpc
                    && grpc.getStatus().getCode() == Status.Code.ALREADY_EXISTS));
  }

  Duration backoff(int attempts) {
    return Backoff.after(attempts, properties.maxBackoff());
  }
}
