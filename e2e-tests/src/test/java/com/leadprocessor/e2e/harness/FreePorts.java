package com.leadprocessor.e2e.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on 127.0.0.1, the only address the suite binds to or sends traffic to. */
public final class FreePorts {

  private static final java.util.Random RANDOM = new java.security.SecureRandom();

  private FreePorts() {}

  /**
   * A port that was free a moment ago; the caller binds it right away. It is drawn below Linux's
   * ephemeral range (32768 and up), where the kernel never hands out ports on its own: the dev
   * server opens several internal ports of its own there, as do other processes on the machine.
   */
  public static int next() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int candidate = 20000 + RANDOM.nextInt(12000);
      try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return candidate;
      } catch (IOException taken) {
        // Try another one.
      }
    }
    throw new UncheckedIOException(new IOException("No free port on 127.0.0.1 in 20000-31999"));
  }

  /** Whether something accepts connections on 127.0.0.1:{@code port}. */
  public static boolean isListening(int port) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
