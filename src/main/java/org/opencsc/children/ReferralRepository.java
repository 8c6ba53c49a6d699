package org.opencsc.children;

import static org.opencsc.children.Sql.date;
import static org.opencsc.children.Sql.instant;
import static org.opencsc.children.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ReferralRepository {

  private final JdbcTemplate jdbc;

  public ReferralRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Referral referral) {
    jdbc.update("""
        INSERT INTO referral (id, child_id, contact_id, referral_date, source, primary_need, accepted_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        referral.id(), referral.childId(), referral.contactId(), referral.referralDate(),
        referral.source(), referral.primaryNeed(), utc(referral.acceptedAt()));
  }

  /** Whether the child has a referral not yet closed: an open child in need episode. */
  public boolean hasOpenReferral(String childId) {
    Integer open = jdbc.queryForObject("SELECT COUNT(*) FROM referral WHERE child_id = ? AND closure_date IS NULL",
        Integer.class, childId);
    return open != null && open > 0;
  }

  public List<Referral> findByChild(String childId) {
    return jdbc.query("SELECT * FROM referral WHERE child_id = ? ORDER BY referral_date",
        ReferralRepository::map, childId);
  }

  private static Referral map(ResultSet rs, int row) throws SQLException {
    return new Referral(rs.getString("id"), rs.getString("child_id"), rs.getString("contact_id"),
        date(rs, "referral_date"), rs.getString("source"), rs.getString("primary_need"),
        instant(rs, "accepted_at"));
  }
}
