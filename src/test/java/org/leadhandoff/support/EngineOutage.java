package org.leadhandoff.support;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Lets a test cut the application off from the engine, as a network cut or a gateway restart would:
 * every new call to the gateway fails with UNAVAILABLE while the cut lasts. The engine itself keeps
 * running; the Camunda client takes interceptor beans.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineOutage {

  private static volatile boolean cut;

  public static void begin() {
    cut = true;
  }

  public static void end() {
    cut = false;
  }

  @Bean
  ClientInterceptor engineOutageSwitch() {
    return new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(
          MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return cut ? new Unreachable<>() : next.newCall(method, options);
      }
    };
  }

  private static final class Unreachable<Q, R> extends ClientCall<Q, R> {
    @Override
    public void start(Listener<R> listener, Metadata headers) {
      listener.onClose(
          Status.UNAVAILABLE.withDescription("the engine is unreachable (test outage)"),
          new Metadata());
    }

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(String message, Throwable cause) {}

    @Override
    public void halfClose() {}

    @Override
    public void sendMessage(Q message) {}
  }
}
