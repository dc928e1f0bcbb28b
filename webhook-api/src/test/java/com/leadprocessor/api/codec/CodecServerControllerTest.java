package com.leadprocessor.api.codec;

import static com.leadprocessor.api.codec.CodecPayloadsJson.json;
import static com.leadprocessor.api.codec.CodecPayloadsJson.payloads;
import static com.leadprocessor.api.codec.CodecPayloadsJson.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.leadprocessor.codec.AesGcmPayloadCodec;
import com.leadprocessor.codec.PayloadCodecAutoConfiguration;
import io.temporal.api.common.v1.Payload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebMvcTest(CodecServerController.class)
@ImportAutoConfiguration(PayloadCodecAutoConfiguration.class)
@TestPropertySource(
    properties = {
      "leads.review.api-tokens=" + CodecServerControllerTest.TOKEN,
      "leads.codec-server.ui-origin=http://localhost:8233",
      "spring.temporal.namespace=leads"
    })
class CodecServerControllerTest {

  static final String TOKEN = "review-token-0123456789abcdef";
  static final String UI = "http://localhost:8233";
  static final String QUESTION = "Can you integrate with our CRM, asks jane.roe@example.org";

  @Autowired MockMvc mvc;
  @Autowired AesGcmPayloadCodec codec;

  @Test
  void reviewerWithATokenReadsASealedPayload() throws Exception {
    String body = json(codec.encode(List.of(plain(QUESTION))));

    String decoded =
        call("/codec/decode", body)
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(payloads(decoded)).containsExactly(plain(QUESTION));
  }

  @Test
  void requestWithoutATokenGets401AndNoPlaintext() throws Exception {
    String body = json(codec.encode(List.of(plain(QUESTION))));

    String answer =
        mvc.perform(
                post("/codec/decode")
                    .header("X-Namespace", "leads")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(answer).doesNotContain("jane.roe").doesNotContain("CRM");
  }

  @Test
  void requestWithAWrongTokenGets401() throws Exception {
    mvc.perform(
            post("/codec/decode")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not-a-review-token-at-all")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(codec.encode(List.of(plain(QUESTION))))))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void encodedByTheServerDecodesInTheApps() throws Exception {
    String encoded =
        call("/codec/encode", json(List.of(plain(QUESTION))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    List<Payload> sealed = payloads(encoded);
    assertThat(AesGcmPayloadCodec.isSealed(sealed.get(0))).isTrue();
    assertThat(codec.decode(sealed)).containsExactly(plain(QUESTION));
  }

  @Test
  void payloadWrittenBeforeEncryptionComesBackAsIs() throws Exception {
    String decoded =
        call("/codec/decode", json(List.of(plain(QUESTION))))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(payloads(decoded)).containsExactly(plain(QUESTION));
  }

  @Test
  void otherNamespaceIsRefused() throws Exception {
    mvc.perform(
            post("/codec/decode")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
                .header("X-Namespace", "someone-else")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(List.of(plain(QUESTION)))))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theUiOriginPassesThePreflightWithoutAToken() throws Exception {
    mvc.perform(preflight(UI))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, UI));
  }

  @Test
  void anotherOriginIsRefusedAtThePreflight() throws Exception {
    mvc.perform(preflight("http://evil.example"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN));
  }

  private org.springframework.test.web.servlet.ResultActions call(String path, String body)
      throws Exception {
    return mvc.perform(
        post(path)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKEN)
            .header(HttpHeaders.ORIGIN, UI)
            .header("X-Namespace", "leads")
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private static MockHttpServletRequestBuilder preflight(String origin) {
    return options("/codec/decode")
        .header(HttpHeaders.ORIGIN, origin)
        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(
            HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,x-namespace");
  }
}
