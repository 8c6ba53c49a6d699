package org.opencsc.api;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests while still parsing them (request line or headers over its size limit,
 * characters not allowed in the path or a header, an encoded '/'), before any filter, servlet or error
 * page of the application runs, and its host's error report valve writes an HTML page. For /api and
 * /engine-rest, and for requests whose path could not even be read, this valve writes the contract's
 * JSON error instead, naming the part of the request at fault. Installed as the host's error report
 * valve ({@link TomcatRefusalsAsJson}); other paths keep Tomcat's page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api") || uri.startsWith("/engine-rest");
    int status = response.getStatus();
    if (!api || status < 400 || response.getContentWritten() > 0) {
      super.report(request, response, throwable);
      return;
    }
    AtomicBoolean ioAllowed = new AtomicBoolean(true);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
    if (!ioAllowed.get() || !response.setErrorReported()) {
      return;
    }
    String[] field = fieldAtFault(uri, throwable == null ? null : throwable.getMessage());
    HttpStatus known = HttpStatus.resolve(status);
    String json = "{\"status\":" + status + ",\"error\":\"" + (known == null ? "Error" : known.getReasonPhrase())
        + "\",\"message\":\"The request was refused: " + field[0] + " " + field[1] + "\",\"fieldErrors\":[{\"field\":\""
        + field[0] + "\",\"message\":\"" + field[1] + "\"}]}";
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException connectionGone) {
      // Nothing more can be said to this client.
    }
  }

  /** From Tomcat's own message, which part of the request it refused; the request's text is never echoed. */
  static String[] fieldAtFault(String uri, String tomcatMessage) {
    String message = tomcatMessage == null ? "" : tomcatMessage.toLowerCase(Locale.ROOT);
    boolean requestLineRead = uri != null && !uri.isEmpty();
    if (message.contains("too large")) {
      return requestLineRead
          ? new String[] {"header", "is too large: the request's headers are over the server's limit (8 KB)"}
          : new String[] {"path", "is too long: the request line is over the server's limit (8 KB)"};
    }
    if (message.contains("header")) {
      return new String[] {"header", "is not a valid HTTP header"};
    }
    if (message.contains("method")) {
      return new String[] {"method", "is not a valid HTTP method"};
    }
    return new String[] {"path", "contains characters that are not allowed; encode it as a URL"};
  }
}
