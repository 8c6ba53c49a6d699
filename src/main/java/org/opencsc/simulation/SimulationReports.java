package org.opencsc.simulation;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Counts, for the children of a run, where their journeys are and what the database holds. */
class SimulationReports {

  /** Stage processes in journey order. */
  static final List<String> STAGES = List.of("contact", "allocation", "assessment", "section47", "child-protection",
      "child-in-need", "care-proceedings", "looked-after", "leaving-care");
  /** Records written when a stage's decision is signed off or its event happens (project tables). */
  static final Map<String, String> RECORDS = new LinkedHashMap<>();

  static {
    RECORDS.put("referral", "referred");
    RECORDS.put("assessment", "assessments signed off");
    RECORDS.put("strategy_discussion", "strategy discussions");
    RECORDS.put("section47", "section 47 enquiries signed off");
    RECORDS.put("initial_cp_conference", "initial child protection conferences");
    RECORDS.put("cp_plan", "child protection plans");
    RECORDS.put("cin_plan", "child in need plans");
    RECORDS.put("legal_gateway", "legal gateway decisions");
    RECORDS.put("proceedings", "care proceedings issued");
    RECORDS.put("lac_episode", "looked after (SSDA903 episodes)");
    RECORDS.put("leaving_care", "leaving care");
  }

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  SimulationReports(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  SimulationReport report(SimulationSettings settings, Duration elapsed, Duration cpu, int contacts, int journeysStarted,
      int joined, Map<String, Integer> completions, int timersFired, int otherJobs, int jobFailures,
      Map<String, String> failures, List<String> violations) {
    String like = settings.laChildIdPrefix() + "%";
    return new SimulationReport(settings, elapsed, cpu, contacts, journeysStarted, joined,
        journeys(like, false), journeys(like, true), byCurrentStage(like), enteringStage(like), records(like),
        new TreeMap<>(completions), timersFired, otherJobs, jobFailures, deadlines(like), warned(like),
        databaseSize(jdbc), failures, violations);
  }

  private int journeys(String like, boolean ended) {
    Integer n = jdbc.queryForObject("""
        SELECT COUNT(*) FROM ACT_HI_PROCINST p JOIN child c ON c.id = p.BUSINESS_KEY_
        WHERE p.PROC_DEF_KEY_ = 'child-journey' AND c.la_child_id LIKE ? AND p.END_TIME_ IS %s NULL"""
        .formatted(ended ? "NOT" : ""), Integer.class, like);
    return n == null ? 0 : n;
  }

  /** Each open journey by the stage processes it is in (several when tracks run side by side). */
  private Map<String, Integer> byCurrentStage(String like) {
    Map<String, java.util.TreeSet<String>> stages = new TreeMap<>();
    jdbc.query("""
        SELECT j.ID_ FROM ACT_RU_EXECUTION j JOIN child c ON c.id = j.BUSINESS_KEY_
        JOIN ACT_RE_PROCDEF d ON d.ID_ = j.PROC_DEF_ID_
        WHERE j.ID_ = j.PROC_INST_ID_ AND d.KEY_ = 'child-journey' AND c.la_child_id LIKE ?""",
        (ResultSet rs) -> {
          stages.put(rs.getString(1), new java.util.TreeSet<>());
        }, like);
    jdbc.query("""
        SELECT sup.PROC_INST_ID_, d.KEY_ FROM ACT_RU_EXECUTION sub
        JOIN ACT_RU_EXECUTION sup ON sub.SUPER_EXEC_ = sup.ID_
        JOIN ACT_RE_PROCDEF d ON d.ID_ = sub.PROC_DEF_ID_
        JOIN child c ON c.id = sub.BUSINESS_KEY_
        WHERE sub.ID_ = sub.PROC_INST_ID_ AND c.la_child_id LIKE ?""",
        (ResultSet rs) -> {
          java.util.TreeSet<String> keys = stages.get(rs.getString(1));
          if (keys != null) {
            keys.add(rs.getString(2));
          }
        }, like);
    Map<String, Integer> counts = new TreeMap<>();
    stages.values().forEach(keys -> counts.merge(keys.isEmpty() ? "(between stages)" : String.join(" + ", keys), 1,
        Integer::sum));
    return counts;
  }

  private Map<String, Integer> enteringStage(String like) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String stage : STAGES) {
      counts.put(stage, count("""
          SELECT COUNT(DISTINCT p.BUSINESS_KEY_) FROM ACT_HI_PROCINST p JOIN child c ON c.id = p.BUSINESS_KEY_
          WHERE p.PROC_DEF_KEY_ = ? AND c.la_child_id LIKE ?""", stage, like));
    }
    return counts;
  }

  private Map<String, Integer> records(String like) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    RECORDS.forEach((table, label) -> counts.put(label, count(
        "SELECT COUNT(DISTINCT t.child_id) FROM " + table + " t JOIN child c ON c.id = t.child_id WHERE c.la_child_id LIKE ?",
        like)));
    return counts;
  }

  private Map<String, Integer> deadlines(String like) {
    Map<String, Integer> counts = new TreeMap<>(Map.of("OPEN", 0, "MET", 0, "BREACHED", 0, "WITHDRAWN", 0));
    jdbc.query("SELECT d.status, COUNT(*) FROM deadline d JOIN child c ON c.id = d.child_id "
        + "WHERE c.la_child_id LIKE ? GROUP BY d.status", (ResultSet rs) -> {
          counts.put(rs.getString(1), rs.getInt(2));
        }, like);
    return counts;
  }

  private int warned(String like) {
    return count("SELECT COUNT(*) FROM deadline d JOIN child c ON c.id = d.child_id "
        + "WHERE c.la_child_id LIKE ? AND d.warned_at IS NOT NULL", like);
  }

  private int count(String sql, Object... args) {
    Integer n = jdbc.queryForObject(sql, Integer.class, args);
    return n == null ? 0 : n;
  }

  /**
   * PostgreSQL: pg_total_relation_size (tables, indexes, TOAST) over the current schema divided by the
   * children in the database. H2: rows of every table per child (H2 gives no per-table size).
   */
  static SimulationReport.DatabaseSize databaseSize(JdbcTemplate jdbc) {
    String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    Long children = jdbc.queryForObject("SELECT COUNT(*) FROM child", Long.class);
    long childCount = children == null ? 0 : children;
    if (product != null && product.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
      Long bytes = jdbc.queryForObject("""
          SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r'""", Long.class);
      return new SimulationReport.DatabaseSize(product, childCount, bytes == null ? 0 : bytes, "bytes");
    }
    List<String> tables = jdbc.queryForList("""
        SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES
        WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_TYPE IN ('BASE TABLE', 'TABLE')""", String.class);
    long rows = 0;
    for (String table : tables) {
      Long n = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"", Long.class);
      rows += n == null ? 0 : n;
    }
    return new SimulationReport.DatabaseSize(product + " (row counts: H2 gives no size per table)", childCount, rows,
        "rows");
  }
}
