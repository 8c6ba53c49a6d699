package org.opencsc.care;

import static org.opencsc.children.Sql.date;
import static org.opencsc.children.Sql.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** SSDA903 episodes of care (table {@code lac_episode}). */
@Repository
public class EpisodeRepository {

  private final JdbcTemplate jdbc;

  public EpisodeRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Episode e, String recordedBy, Instant at) {
    jdbc.update("""
        INSERT INTO lac_episode (id, child_id, process_instance_id, decom, rne, ls, cin, place, place_provider,
          dec_date, rec, reason_place_change, home_post, pl_post, urn, long_term_placement, recorded_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        e.id(), e.childId(), e.processInstanceId(), e.decom(), e.rne(), e.ls(), e.cin(), e.place(),
        e.placeProvider(), e.dec(), e.rec(), e.reasonPlaceChange(), e.homePost(), e.plPost(), e.urn(),
        e.longTermPlacement(), recordedBy, utc(at));
  }

  /** The child's open episode (no DEC) in this looked-after period. */
  public Optional<Episode> open(String processInstanceId) {
    return jdbc.query("SELECT * FROM lac_episode WHERE process_instance_id = ? AND dec_date IS NULL",
        EpisodeRepository::map, processInstanceId).stream().findFirst();
  }

  public void close(String id, LocalDate dec, String rec, String reasonPlaceChange) {
    jdbc.update("UPDATE lac_episode SET dec_date = ?, rec = ?, reason_place_change = ? WHERE id = ?",
        dec, rec, reasonPlaceChange, id);
  }

  /** Every episode of the child, in order (the SSDA903 Episodes table for this child). */
  public List<Episode> forChild(String childId) {
    return jdbc.query("SELECT * FROM lac_episode WHERE child_id = ? ORDER BY decom, created_at",
        EpisodeRepository::map, childId);
  }

  private static Episode map(ResultSet rs, int row) throws SQLException {
    return new Episode(rs.getString("id"), rs.getString("child_id"), rs.getString("process_instance_id"),
        date(rs, "decom"), rs.getString("rne"), rs.getString("ls"), rs.getString("cin"), rs.getString("place"),
        rs.getString("place_provider"), date(rs, "dec_date"), rs.getString("rec"),
        rs.getString("reason_place_change"), rs.getString("home_post"), rs.getString("pl_post"),
        rs.getString("urn"), rs.getBoolean("long_term_placement"));
  }
}
