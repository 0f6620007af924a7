package org.leadhandoff.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request body over the limit: at once when its Content-Length says so, and as
 * soon as the limit is crossed when it is sent in chunks. CSV imports have their own, larger limit.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {

  /** The requests that carry a file to import: the import itself and its preview. */
  static final java.util.Set<String> FILE_PATHS =
      java.util.Set.of("/api/leads/import", "/api/imports/preview");

  private final ApiProperties properties;
  private final ObjectMapper json;

  BodySizeLimit(ApiProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit =
        FILE_PATHS.contains(request.getRequestURI())
            ? properties.maxCsvSize().toBytes()
            : properties.maxBodySize().toBytes();
    if (request.getContentLengthLong() > limit) {
      tooLarge(response, limit);
      return;
    }
    LimitedRequest limited = new LimitedRequest(request, limit);
    try {
      chain.doFilter(limited, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (limited.exceeded && !response.isCommitted()) {
        response.reset();
        tooLarge(response, limit);
        return;
      }
      throw e;
    }
    if (limited.exceeded && !response.isCommitted()) {
      response.reset();
      tooLarge(response, limit);
    }
  }

  private void tooLarge(HttpServletResponse response, long limit) throws IOException {
    ApiErrors.write(
        response,
        json,
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Request too large",
        "The request body is larger than the limit of "
            + readable(limit)
            + (limit >= 1024 * 1024 ? "; split the file and import the parts." : "."));
  }

  /** 65536 bytes is "64 KB", 52428800 "50 MB". */
  static String readable(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " bytes";
  }

  /** Counts what the application reads and stops at the limit. */
  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long limit;
    private boolean exceeded;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > limit) {
                  exceeded = true;
                  throw new BodyTooLargeException(limit);
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
