package org.opencsc.tasklist;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Links from a task's description into the council's online procedures manual (bean {@code manual}).
 * Each council sets its own base URL ({@code csc.procedures-manual.base-url}).
 */
@Component("manual")
public class ProceduresManual {

  private final String baseUrl;

  public ProceduresManual(@Value("${csc.procedures-manual.base-url}") String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  public String link(String page) {
    return baseUrl + "/" + page;
  }
}
