package com.leadprocessor.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.leadprocessor.api.problem.ProblemException;
import com.leadprocessor.api.problem.ProblemType;
import com.leadprocessor.api.review.ReviewApiEnabledCondition;
import com.leadprocessor.codec.AesGcmPayloadCodec;
import com.leadprocessor.codec.ConditionalOnPayloadCodec;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's remote codec protocol, so that the Web UI and the CLI show sealed payloads as
 * reviewers need to read them: {@code POST /codec/decode} and {@code POST /codec/encode} take and
 * answer {@code {"payloads":[...]}} in protobuf JSON. Only for callers with a review API token
 * ({@link CodecServerWebConfiguration}); it exists when both the codec and the review API do.
 */
@RestController
@Conditional(ReviewApiEnabledCondition.class)
@ConditionalOnPayloadCodec
class CodecServerController {

  static final String CODEC = "/codec";
  static final String NAMESPACE_HEADER = "X-Namespace";

  private final AesGcmPayloadCodec codec;
  private final String namespace;

  CodecServerController(
      AesGcmPayloadCodec codec, @Value("${spring.temporal.namespace:default}") String namespace) {
    this.codec = codec;
    this.namespace = namespace;
  }

  @PostMapping(
      path = CODEC + "/decode",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  String decode(
      @RequestHeader(name = NAMESPACE_HEADER, required = false) String requestNamespace,
      @RequestBody String body) {
    return apply(requestNamespace, body, codec::decode);
  }

  @PostMapping(
      path = CODEC + "/encode",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  String encode(
      @RequestHeader(name = NAMESPACE_HEADER, required = false) String requestNamespace,
      @RequestBody String body) {
    return apply(requestNamespace, body, codec::encode);
  }

  private String apply(String requestNamespace, String body, UnaryOperator<List<Payload>> step) {
    if (requestNamespace != null && !requestNamespace.equals(namespace)) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST,
          "This codec server serves the namespace '" + namespace + "' only.");
    }
    Payloads.Builder payloads = Payloads.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(body, payloads);
    } catch (InvalidProtocolBufferException e) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST, "The body is not {\"payloads\":[...]} in protobuf JSON.");
    }
    try {
      Payloads result =
          Payloads.newBuilder().addAllPayloads(step.apply(payloads.getPayloadsList())).build();
      return JsonFormat.printer().print(result);
    } catch (PayloadCodecException e) {
      throw new ProblemException(
          ProblemType.BAD_REQUEST, "A payload could not be decoded: " + e.getMessage());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Payloads always print as JSON", e);
    }
  }
}
