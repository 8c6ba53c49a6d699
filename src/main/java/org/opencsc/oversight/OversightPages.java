package org.opencsc.oversight;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The managers' pages: /dashboard and /chronology (static pages that read /api with the Tasklist login). */
@Controller
public class OversightPages {

  @GetMapping("/dashboard")
  public String dashboard() {
    return "forward:/dashboard.html";
  }

  @GetMapping("/chronology")
  public String chronology() {
    return "forward:/chronology.html";
  }
}
