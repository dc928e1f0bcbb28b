package com.leadprocessor.api.intake;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/**
 * Reads a request body as bytes, never more than the limit: a declared {@code Content-Length} over
 * the limit is refused before reading anything, and a chunked body is refused as soon as it passes
 * the limit.
 */
public final class BoundedBodyReader {

  private final DataSize limit;

  public BoundedBodyReader(DataSize limit) {
    this.limit = limit;
  }

  /**
   * @param declaredLength the {@code Content-Length}, or -1 when the body is chunked
   * @throws PayloadTooLargeException if the body is larger than the limit
   * @throws UnreadableBodyException if reading fails
   */
  public byte[] read(long declaredLength, InputStream body) {
    long max = limit.toBytes();
    if (declaredLength > max) {
      throw new PayloadTooLargeException(limit);
    }
    byte[] bytes;
    try {
      // One byte more than allowed tells an oversized chunked body apart from one at the limit.
      bytes = body.readNBytes(Math.toIntExact(max + 1));
    } catch (IOException e) {
      throw new UnreadableBodyException(e);
    }
    if (bytes.length > max) {
      throw new PayloadTooLargeException(limit);
    }
    return bytes;
  }
}
