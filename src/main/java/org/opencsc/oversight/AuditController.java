package org.opencsc.oversight;

import java.time.LocalDate;
import java.util.List;
import org.opencsc.api.NotFoundException;
import org.opencsc.children.ChildRepository;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/children/{id}/audit: the chronological audit trail, filtered by dates and user. */
@RestController
public class AuditController {

  private final AuditTrail trail;
  private final ChildRepository children;

  public AuditController(AuditTrail trail, ChildRepository children) {
    this.trail = trail;
    this.children = children;
  }

  @GetMapping("/api/children/{childId}/audit")
  public List<AuditEntry> audit(@PathVariable String childId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String user) {
    if (children.findById(childId).isEmpty()) {
      throw new NotFoundException("No child with id " + childId);
    }
    return trail.forChild(childId, from, to, user);
  }
}
