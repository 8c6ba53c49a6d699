package org.opencsc.returns;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.opencsc.calendar.LondonTime;
import org.opencsc.children.Sql;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes Ofsted's Annex A as one XLSX workbook, a sheet per list, with POI's streaming workbook: only a
 * window of rows is kept in memory, the rest goes to a temporary file until the workbook is written.
 */
@Component
public class AnnexAWriter {

  static final int ROWS_IN_MEMORY = 200;

  private final NamedParameterJdbcTemplate jdbc;

  public AnnexAWriter(DataSource dataSource) {
    this.jdbc = ReturnsJdbc.streaming(dataSource);
  }

  @Transactional(readOnly = true)
  public void write(DateRange range, OutputStream out) {
    MapSqlParameterSource params = new MapSqlParameterSource("from", range.from()).addValue("to", range.to())
        .addValue("fromAt", Sql.utc(LondonTime.startOfDay(range.from())))
        .addValue("toBefore", Sql.utc(LondonTime.startOfDay(range.to().plusDays(1))))
        .addValue("yearAgo", range.to().minusYears(1));
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      Styles styles = new Styles(workbook);
      for (AnnexAList list : AnnexAList.ALL) {
        SXSSFSheet sheet = workbook.createSheet(list.sheet());
        header(sheet, list, styles);
        if (list.query() != null) {
          int[] next = {1};
          jdbc.query(list.query(), params, rs -> {
            row(sheet.createRow(next[0]++), rs, list, range.to(), styles);
          });
        }
      }
      workbook.write(out);
    } catch (IOException e) {
      throw new ReturnWriteException(e);
    } finally {
      workbook.dispose();
      try {
        workbook.close();
      } catch (IOException ignored) {
        // the temporary files are already gone (dispose)
      }
    }
  }

  private static void header(SXSSFSheet sheet, AnnexAList list, Styles styles) {
    Row row = sheet.createRow(0);
    int col = 0;
    for (String name : AnnexAList.COMMON) {
      text(row, col++, name, styles.header);
    }
    for (String name : list.columns()) {
      text(row, col++, name, styles.header);
    }
  }

  private static void row(Row row, ResultSet rs, AnnexAList list, LocalDate ageOn, Styles styles)
      throws SQLException {
    LocalDate dob = Sql.date(rs, "date_of_birth");
    text(row, 0, rs.getString("la_child_id"), null);
    text(row, 1, rs.getString("sex"), null);
    text(row, 2, rs.getString("ethnicity"), null);
    date(row, 3, dob, styles);
    if (dob != null && !dob.isAfter(ageOn)) {
      row.createCell(4).setCellValue(java.time.Period.between(dob, ageOn).getYears());
    }
    for (int i = 0; i < list.columns().size(); i++) {
      value(row, 5 + i, rs, 5 + i, styles);
    }
  }

  private static void value(Row row, int col, ResultSet rs, int index, Styles styles) throws SQLException {
    Object value = rs.getObject(index);
    if (value == null) {
      return;
    }
    if (value instanceof java.sql.Date || value instanceof LocalDate) {
      date(row, col, rs.getObject(index, LocalDate.class), styles);
    } else if (value instanceof java.sql.Timestamp || value instanceof java.time.temporal.Temporal) {
      date(row, col, LondonTime.dateOf(rs.getObject(index, OffsetDateTime.class).toInstant()), styles);
    } else if (value instanceof Number number) {
      row.createCell(col).setCellValue(number.doubleValue());
    } else if (value instanceof Boolean flag) {
      text(row, col, flag ? "Yes" : "No", null);
    } else {
      text(row, col, value.toString(), null);
    }
  }

  private static void date(Row row, int col, LocalDate date, Styles styles) {
    if (date != null) {
      Cell cell = row.createCell(col);
      cell.setCellValue(date);
      cell.setCellStyle(styles.date);
    }
  }

  private static void text(Row row, int col, String value, CellStyle style) {
    if (value != null) {
      Cell cell = row.createCell(col);
      cell.setCellValue(value);
      if (style != null) {
        cell.setCellStyle(style);
      }
    }
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle date;

    Styles(SXSSFWorkbook workbook) {
      header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      date = workbook.createCellStyle();
      date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
    }
  }
}
