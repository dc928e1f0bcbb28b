package com.leadprocessor.e2e.benchmark;

import com.leadprocessor.codec.PayloadCodecAutoConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's HTTP baseline: the same framework as webhook-api (Spring Boot, Spring MVC on
 * Tomcat), with an endpoint that only checks the Standard Webhooks signature and answers 202. No
 * validation, no Temporal: what this machine can do over HTTP at all. Run as its own process by
 * {@link LeadProcessorBenchmark}; the secret comes from {@code BARE_WEBHOOK_SECRET}.
 */
@SpringBootConfiguration
// The suite has the payload codec on its classpath to read sealed results; this has no Temporal.
@EnableAutoConfiguration(exclude = PayloadCodecAutoConfiguration.class)
public class BareWebhookEndpoint {

  public static void main(String[] args) {
    SpringApplication.run(BareWebhookEndpoint.class, args);
  }

  @RestController
  static class SignatureOnly {

    private final byte[] key =
        Base64.getDecoder()
            .decode(System.getenv("BARE_WEBHOOK_SECRET").substring("whsec_".length()));

    @PostMapping("/webhooks/lead-capture")
    ResponseEntity<Map<String, Object>> receive(
        @RequestHeader("webhook-id") String id,
        @RequestHeader("webhook-timestamp") String timestamp,
        @RequestHeader("webhook-signature") String signature,
        @RequestBody byte[] body)
        throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      byte[] given = Base64.getDecoder().decode(signature.substring("v1,".length()));
      if (!MessageDigest.isEqual(expected, given)) {
        return ResponseEntity.status(401).build();
      }
      return ResponseEntity.accepted().body(Map.of("webhookId", id));
    }
  }
}
