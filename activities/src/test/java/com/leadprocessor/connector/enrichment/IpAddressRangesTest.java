package com.leadprocessor.connector.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRangesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "8.8.8.8",
        "81.2.69.160",
        "9.255.255.255",
        "11.0.0.0",
        "172.15.255.255",
        "172.32.0.1",
        "100.63.255.255",
        "100.128.0.1",
        "192.169.0.1",
        "203.0.114.1",
        "223.255.255.255",
        "2607:f8b0:4005:80a::200e",
        "2a00:1450:4001:80b::200e",
        "::ffff:8.8.8.8"
      })
  void publicAddressesAreLookedUp(String ip) {
    assertThat(IpAddressRanges.isIpLiteral(ip)).isTrue();
    assertThat(IpAddressRanges.nonPublicKind(IpAddressRanges.parse(ip))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"example.com", "1.2.3", "1.2.3.4.5", "::ffff:1.2.3.256"})
  void onlyIpLiteralsAreAddresses(String text) {
    assertThat(IpAddressRanges.isIpLiteral(text)).isFalse();
  }
}
