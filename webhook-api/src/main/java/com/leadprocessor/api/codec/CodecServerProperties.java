package com.leadprocessor.api.codec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The codec server the Temporal Web UI decodes payloads through.
 *
 * @param uiOrigin the origin of the Temporal Web UI, the only one a browser may call the codec
 *     server from ({@code LEADS_CODEC_SERVER_UI_ORIGIN}), for example {@code http://localhost:8233}
 */
@ConfigurationProperties("leads.codec-server")
public record CodecServerProperties(@DefaultValue("http://localhost:8233") String uiOrigin) {

  public CodecServerProperties {
    if (uiOrigin == null || uiOrigin.isBlank() || uiOrigin.contains("*")) {
      throw new IllegalArgumentException(
          "leads.codec-server.ui-origin must be the Temporal UI's origin, for example"
              + " http://localhost:8233; a wildcard is not allowed");
    }
    uiOrigin = uiOrigin.strip().replaceAll("/+$", "");
  }
}
