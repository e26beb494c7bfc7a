package dev.slipway.api.deadletters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.api.config.ApiConfig;
import dev.slipway.api.config.OpsConfig;
import dev.slipway.api.http.ApiException;
import java.lang.reflect.Proxy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Without a configured DLQ the dead-letter endpoints answer 503, before touching SQS. */
class DeadLetterQueueTest {

  @Test
  void anUnsetDlqUrlIsA503Problem() {
    DeadLetterQueue queue = new DeadLetterQueue(null, config(Optional.empty()));
    ApiException e = assertThrows(ApiException.class, queue::url);
    assertEquals(503, e.status());
    assertEquals("unavailable", e.type());
    assertThrows(
        ApiException.class, () -> new DeadLetterQueue(null, config(Optional.of(" "))).url());
    assertEquals(
        "http://q/dlq", new DeadLetterQueue(null, config(Optional.of("http://q/dlq"))).url());
  }

  /** An ApiConfig whose ops().dlqUrl() is the given value; nothing else is called. */
  private static ApiConfig config(Optional<String> dlqUrl) {
    OpsConfig ops =
        (OpsConfig)
            Proxy.newProxyInstance(
                OpsConfig.class.getClassLoader(),
                new Class<?>[] {OpsConfig.class},
                (p, m, a) -> dlqUrl);
    return (ApiConfig)
        Proxy.newProxyInstance(
            ApiConfig.class.getClassLoader(), new Class<?>[] {ApiConfig.class}, (p, m, a) -> ops);
  }
}
