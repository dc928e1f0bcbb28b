package com.leadprocessor.api.openapi;

import java.io.IOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /openapi.yaml}: the hand-written OpenAPI description of the webhook, as kept in the
 * repository. Served by a controller because the API maps no static resources.
 */
@RestController
class OpenApiController {

  static final String PATH = "/openapi.yaml";
  static final MediaType APPLICATION_YAML = MediaType.parseMediaType("application/yaml");

  private final Resource document = new ClassPathResource("openapi.yaml");

  @GetMapping(PATH)
  ResponseEntity<byte[]> openApi() throws IOException {
    return ResponseEntity.ok().contentType(APPLICATION_YAML).body(document.getContentAsByteArray());
  }
}
