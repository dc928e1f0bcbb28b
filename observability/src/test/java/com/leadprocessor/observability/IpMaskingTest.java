package com.leadprocessor.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpMaskingTest {

  @Test
  void masksTheHostPartOfEveryIpv4Address() {
    assertThat(IpMasking.mask("Lead from 203.0.113.42 (proxy 10.1.2.3), ip=198.51.100.7."))
        .isEqualTo("Lead from 203.0.*.* (proxy 10.1.*.*), ip=198.51.*.*.");
  }

  @Test
  void masksIpv6AddressesFullAndCompressed() {
    assertThat(IpMasking.mask("ip 2001:db8:85a3::8a2e:370:7334 and ::1"))
        .isEqualTo("ip 2001:db8:* and :*");
    assertThat(IpMasking.mask("\"ip\":\"2001:0db8:0000:0000:0000:ff00:0042:8329\""))
        .isEqualTo("\"ip\":\"2001:0db8:*\"");
  }

  @Test
  void leavesTimesVersionsAndOtherNumbersAlone() {
    String text = "at 12:30:05 version 1.38.0 took 999.1.2.3 s, port 127.0.0:8080";
    assertThat(IpMasking.mask(text)).isEqualTo(text);
    assertThat(IpMasking.mask("uuid 123e4567-e89b-12d3-a456-426614174000")).contains("e89b");
    assertThat(IpMasking.mask(null)).isNull();
  }
}
