package org.opencsc.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.opencsc.api.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests Spring Security's firewall refuses (an encoded ';', '/' or '//' in the path, a header or
 * parameter with control characters, an unknown HTTP method) get the contract's JSON error naming the
 * part of the request at fault, instead of the servlet container's HTML 400 page. Spring Security's
 * WebSecurity picks this bean up from the context by its type.
 */
@Component
public class JsonRequestRejectedHandler implements RequestRejectedHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
      RequestRejectedException rejected) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    ApiError.FieldMessage field = fieldAtFault(String.valueOf(rejected.getMessage()));
    HttpStatus status = HttpStatus.BAD_REQUEST;
    JSON.writeValue(response.getWriter(), new ApiError(status.value(), status.getReasonPhrase(),
        "The request was refused: " + field.field() + " " + field.message(), List.of(field)));
  }

  /** The firewall's own message says which part of the request it refused; it never echoes a value back. */
  static ApiError.FieldMessage fieldAtFault(String firewallMessage) {
    String message = firewallMessage.toLowerCase(Locale.ROOT);
    if (message.contains("header")) {
      return new ApiError.FieldMessage("header", "contains characters that are not allowed");
    }
    if (message.contains("parameter")) {
      return new ApiError.FieldMessage("parameter", "contains characters that are not allowed");
    }
    if (message.contains("http method")) {
      return new ApiError.FieldMessage("method", "is not an HTTP method this service accepts");
    }
    if (message.contains("domain")) {
      return new ApiError.FieldMessage("Host", "is not a host this service answers for");
    }
    return new ApiError.FieldMessage("path",
        "contains characters that are not allowed (e.g. an encoded ';', '/', '\\' or '%', '//' or '..'); use the plain path");
  }
}
