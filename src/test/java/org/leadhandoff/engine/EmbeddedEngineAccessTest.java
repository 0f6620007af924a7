package org.leadhandoff.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.leadhandoff.process.LeadProcess.Messages;
import org.leadhandoff.support.EmbeddedEngineTest;
import org.leadhandoff.support.ProcessTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The embedded engine serves this application and nobody else: its gateway listens on the loopback
 * interface only, and a Camunda client without the application's credentials is refused before the
 * engine sees the command (it once let anyone publish {@code Msg_LeadDisqualified}).
 */
@EmbeddedEngineTest
class EmbeddedEngineAccessTest {

  @Value("${lead-handoff.engine.embedded.port}")
  int port;

  @Autowired ProcessTestSupport process;
  @Autowired CamundaClient application;

  @Test
  @DisplayName(
      "a plain Camunda client on the engine's port is refused: no message is published, nothing"
          + " deployed")
  void strangerIsRefused() {
    try (CamundaClient stranger =
        CamundaClient.newClientBuilder()
            .grpcAddress(URI.create("http://127.0.0.1:" + port))
            .restAddress(URI.create("http://127.0.0.1:" + port))
            .preferRestOverGrpc(false)
            .build()) {
      assertThatThrownBy(
              () ->
                  stranger
                      .newPublishMessageCommand()
                      .messageName(Messages.LEAD_DISQUALIFIED)
                      .correlationKey("stranger-" + port)
                      .send()
                      .join())
          .isInstanceOf(ClientStatusException.class)
          .satisfies(
              e ->
                  assertThat(((ClientStatusException) e).getStatusCode())
                      .isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThatThrownBy(() -> stranger.newTopologyRequest().send().join())
          .isInstanceOf(ClientStatusException.class);
    }
    assertThat(
            StreamSupport.stream(process.records().messageRecords().spliterator(), false)
                .filter(r -> r.getValue().getCorrelationKey().equals("stranger-" + port)))
        .isEmpty();
    // The application's own client goes on working.
    assertThat(application.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
  }

  @Test
  @DisplayName(
      "the engine's port answers on 127.0.0.1 and on none of the machine's other addresses")
  void loopbackOnly() throws IOException {
    try (Socket local = new Socket()) {
      local.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      assertThat(local.isConnected()).isTrue();
    }
    List<InetAddress> others =
        Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> !a.isLoopbackAddress() && a instanceof Inet4Address)
            .toList();
    for (InetAddress address : others) {
      try (Socket remote = new Socket()) {
        assertThatThrownBy(() -> remote.connect(new InetSocketAddress(address, port), 2_000))
            .as("port %d on %s", port, address)
            .isInstanceOf(IOException.class);
      }
    }
  }
}
