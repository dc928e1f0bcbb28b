package com.leadprocessor.connector.enrichment;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The special-purpose address ranges of the IANA IPv4 and IPv6 registries (RFC 6890 and its
 * updates) that no firmographics provider can know a company for: sending them would only spend
 * quota, and private ones would tell a third party about our visitors' networks.
 */
final class IpAddressRanges {

  /** A kind of address that is never looked up, as it reads in "10.0.0.1 is a private address". */
  private record Range(BigInteger network, int prefix, int bits, String kind) {

    static Range of(String cidr, String kind) {
      String[] parts = cidr.split("/");
      InetAddress address = InetAddresses.forString(parts[0]);
      return new Range(
          new BigInteger(1, address.getAddress()),
          Integer.parseInt(parts[1]),
          address.getAddress().length * 8,
          kind);
    }

    boolean contains(BigInteger value, int valueBits) {
      return valueBits == bits
          && value.shiftRight(bits - prefix).equals(network.shiftRight(bits - prefix));
    }
  }

  private static final List<Range> RANGES =
      List.of(
          Range.of("0.0.0.0/8", "reserved"),
          Range.of("10.0.0.0/8", "private"),
          Range.of("100.64.0.0/10", "shared (carrier-grade NAT)"),
          Range.of("127.0.0.0/8", "loopback"),
          Range.of("169.254.0.0/16", "link-local"),
          Range.of("172.16.0.0/12", "private"),
          Range.of("192.0.0.0/24", "reserved"),
          Range.of("192.0.2.0/24", "reserved documentation"),
          Range.of("192.88.99.0/24", "reserved"),
          Range.of("192.168.0.0/16", "private"),
          Range.of("198.18.0.0/15", "reserved benchmarking"),
          Range.of("198.51.100.0/24", "reserved documentation"),
          Range.of("203.0.113.0/24", "reserved documentation"),
          Range.of("224.0.0.0/4", "multicast"),
          Range.of("240.0.0.0/4", "reserved"),
          Range.of("::/128", "unspecified"),
          Range.of("::1/128", "loopback"),
          Range.of("64:ff9b:1::/48", "private"),
          Range.of("100::/64", "reserved"),
          Range.of("2001::/23", "reserved"),
          Range.of("2001:db8::/32", "reserved documentation"),
          Range.of("3fff::/20", "reserved documentation"),
          Range.of("fc00::/7", "private"),
          Range.of("fe80::/10", "link-local"),
          Range.of("ff00::/8", "multicast"));

  private IpAddressRanges() {}

  /**
   * Why the address is never looked up, as in "a private address"; null for a public address. An
   * IPv4 address embedded in IPv6 ({@code ::ffff:10.0.0.1}) is judged as that IPv4 address.
   */
  static String nonPublicKind(InetAddress address) {
    InetAddress judged = embeddedIpv4(address);
    BigInteger value = new BigInteger(1, judged.getAddress());
    int bits = judged.getAddress().length * 8;
    // The most specific range decides, so 2001:db8::1 is documentation rather than just reserved.
    Range match = null;
    for (Range range : RANGES) {
      if (range.contains(value, bits) && (match == null || range.prefix() > match.prefix())) {
        match = range;
      }
    }
    return match == null ? null : match.kind();
  }

  private static InetAddress embeddedIpv4(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] bytes = v6.getAddress();
      // IPv4-mapped addresses (::ffff:a.b.c.d) already parse as IPv4; the compatible form does not.
      if (isIpv4Compatible(bytes)) {
        return InetAddresses.fromInteger(
            ((bytes[12] & 0xff) << 24)
                | ((bytes[13] & 0xff) << 16)
                | ((bytes[14] & 0xff) << 8)
                | (bytes[15] & 0xff));
      }
    }
    return address;
  }

  /** The deprecated {@code ::a.b.c.d} form; {@code ::} and {@code ::1} stay IPv6. */
  private static boolean isIpv4Compatible(byte[] bytes) {
    for (int i = 0; i < 12; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return (bytes[12] | bytes[13]) != 0;
  }

  /** Whether the text is an IP address literal; parsing it never asks DNS. */
  static boolean isIpLiteral(String text) {
    return InetAddresses.isInetAddress(text);
  }

  /** The address of a literal checked with {@link #isIpLiteral}. */
  static InetAddress parse(String literal) {
    return InetAddresses.forString(literal);
  }
}
