package org.leadhandoff.engine;

import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.stream.impl.StreamProcessorContext;
import io.grpc.BindableService;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.NettyServerBuilder;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.NavigableMap;

/**
 * The in-memory engine, made fit to run inside the application. {@link EngineFactory} builds it for
 * tests, and two of its defaults do not suit a runtime:
 *
 * <ul>
 *   <li>Its gRPC gateway listens on every interface and checks nobody: anyone who reached the port
 *       could publish messages, complete tasks or cancel lifecycles. Here the gateway listens on
 *       the loopback interface and refuses every call without the secret the application's own
 *       Camunda client sends (HTTP Basic credentials, made up at each start, kept in memory).
 *   <li>Its scheduled checks (job timeouts, timers, message TTLs) and its batch-operation scheduler
 *       run on threads of their own and iterate the engine's in-memory state while the stream
 *       processor writes it: a {@code ConcurrentModificationException} every few seconds under
 *       load. Here the checks run on the stream processor's own thread, and the batch-operation
 *       scheduler (the engine serves no batch operations: no REST API) waits a century.
 *   <li>Its in-memory log is a plain list appended to and read by different threads, and keeps
 *       every record for good; here it is a synchronised one that drops what the engine has
 *       processed unless asked to keep it ({@link EngineLog}).
 *   <li>Its state store copies itself whole for every scan, so the engine slows with everything
 *       open; here the state is in RocksDB, as in the broker ({@link EngineState}).
 * </ul>
 *
 * <p>{@link EngineFactory} offers no settings for either, so the built, not yet started engine is
 * adjusted through its fields; a change of those fields in a new engine version fails here, at
 * start-up, with the reason.
 */
public final class EmbeddedEngineFactory {

  /** The user name the application's client presents; the secret is the password. */
  public static final String CLIENT = "lead-handoff";

  private EmbeddedEngineFactory() {}

  /**
   * @param keepLog whether the engine keeps every record it wrote (tests read them), or drops what
   *     it has processed (an application: see {@link EngineLog})
   */
  public static ZeebeTestEngine create(int port, String secret, boolean keepLog) {
    ZeebeTestEngine engine = EngineFactory.create(port);
    try {
      Field server = field(engine, "grpcServer");
      Field gateway = field(engine, "gateway");
      Server unstarted = (Server) server.get(engine);
      Server loopback =
          NettyServerBuilder.forAddress(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
              .addService(
                  ServerInterceptors.intercept(
                      (BindableService) gateway.get(engine), new SecretCheck(secret)))
              .build();
      server.set(engine, loopback);
      unstarted.shutdownNow();
      Object streamProcessor = field(engine, "streamProcessor").get(engine);
      singleThreaded(streamProcessor);
      EngineState state = onDisk(engine, streamProcessor);
      Object logStream = field(engine, "logStream").get(engine);
      Object logStorage = field(logStream, "logStorage").get(logStream);
      EngineLog log = replaceLog(logStorage);
      if (!keepLog) {
        var trimmer =
            log.trimBehind((StreamProcessor) streamProcessor, blockOfPosition(logStorage));
        state.alsoOnClose(trimmer::shutdownNow);
      }
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "This version of the in-memory engine cannot be made safe to embed ("
              + e
              + "); check EmbeddedEngineFactory against the engine's InMemoryEngine",
          e);
    }
    return engine;
  }

  /**
   * The in-memory log keeps its entries in a plain ArrayList that the writer appends to while the
   * stream processor reads it: a read during the list's growth once returned null and stopped the
   * stream processor for good (NullPointerException in ListLogStorageReader.next, seen in a CI
   * run). An {@link EngineLog} instead, synchronised, before anything is written to it.
   */
  private static EngineLog replaceLog(Object storage) throws ReflectiveOperationException {
    Field entries = field(storage, "logEntries");
    if (!((List<?>) entries.get(storage)).isEmpty()) {
      throw new IllegalStateException("the engine's log is not empty before start");
    }
    EngineLog log = new EngineLog();
    entries.set(storage, log);
    return log;
  }

  /** The log's index of blocks by their first position, which a trim thins out too. */
  @SuppressWarnings("unchecked")
  private static NavigableMap<Long, Integer> blockOfPosition(Object storage)
      throws ReflectiveOperationException {
    return (NavigableMap<Long, Integer>) field(storage, "positionIndexMapping").get(storage);
  }

  /**
   * The engine's state in RocksDB instead of the test engine's copy-on-scan map (see {@link
   * EngineState}), swapped in before the stream processor first opens it.
   */
  private static EngineState onDisk(ZeebeTestEngine engine, Object streamProcessor)
      throws ReflectiveOperationException {
    EngineState state = EngineState.open();
    try {
      field(engine, "database").set(engine, state);
      field(streamProcessor, "zeebeDb").set(streamProcessor, state);
      return state;
    } catch (ReflectiveOperationException | RuntimeException e) {
      try {
        state.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** How long the batch-operation scheduler waits: never, in practice (no overflow either). */
  static final Duration NO_BATCH_OPERATIONS = Duration.ofDays(36_500);

  private static void singleThreaded(Object streamProcessor) throws ReflectiveOperationException {
    ((StreamProcessorContext) field(streamProcessor, "streamProcessorContext").get(streamProcessor))
        .setEnableAsyncScheduledTasks(false);
    boolean found = false;
    for (Object processor :
        (List<?>) field(streamProcessor, "recordProcessors").get(streamProcessor)) {
      if (processor instanceof Engine) {
        ((EngineConfiguration) field(processor, "config").get(processor))
            .setBatchOperationSchedulerInterval(NO_BATCH_OPERATIONS);
        found = true;
      }
    }
    if (!found) {
      throw new NoSuchFieldException("recordProcessors holds no Engine");
    }
  }

  private static Field field(Object target, String name) throws NoSuchFieldException {
    Field field = target.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }

  /** The expected {@code authorization} header of the application's client. */
  static String header(String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** Refuses a call whose credentials are not the application's, before the engine sees it. */
  static final class SecretCheck implements ServerInterceptor {

    private static final Metadata.Key<String> AUTHORIZATION =
        Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final byte[] expected;

    SecretCheck(String secret) {
      if (secret == null || secret.length() < 16) {
        throw new IllegalArgumentException("The engine's secret must be 16 characters or more");
      }
      this.expected = header(secret).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
        ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
      String given = headers.get(AUTHORIZATION);
      if (given == null
          || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
        call.close(
            Status.UNAUTHENTICATED.withDescription(
                "This engine serves Lead Handoff's own client only (wrong or missing secret)"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return next.startCall(call, headers);
    }
  }
}
