package org.opencsc.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reading the returns the way a tester reads them: the census XML, the SSDA903 zip, the Annex A sheets. */
final class ReturnDocuments {

  private ReturnDocuments() {}

  /** Each CSV of the SSDA903 zip by file name, header row included. */
  static Map<String, List<CSVRecord>> unzip(byte[] zip) throws Exception {
    Map<String, List<CSVRecord>> tables = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        tables.put(entry.getName(), CSVFormat.DEFAULT.parse(new InputStreamReader(
            new ByteArrayInputStream(in.readAllBytes()), StandardCharsets.UTF_8)).getRecords());
      }
    }
    return tables;
  }

  /** The rows of one table for one child (the test suite shares one database). */
  static List<List<String>> rowsOf(Map<String, List<CSVRecord>> tables, String table, String laChildId) {
    List<List<String>> rows = new ArrayList<>();
    for (CSVRecord record : tables.get(table)) {
      if (record.get(0).equals(laChildId)) {
        rows.add(List.of(record.values()));
      }
    }
    return rows;
  }

  static List<List<String>> rows(Sheet sheet, String laChildId) {
    List<List<String>> found = new ArrayList<>();
    for (Row row : sheet) {
      if (row.getRowNum() > 0 && laChildId.equals(row.getCell(0).getStringCellValue())) {
        found.add(cells(row));
      }
    }
    return found;
  }

  /** The child's one row of an Annex A list. */
  static List<String> row(Sheet sheet, String laChildId) {
    List<List<String>> found = rows(sheet, laChildId);
    assertThat(found).as("rows for the child in %s", sheet.getSheetName()).hasSize(1);
    return found.get(0);
  }

  static List<String> cells(Row row) {
    DataFormatter formatter = new DataFormatter();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < row.getLastCellNum(); i++) {
      values.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
    }
    return values;
  }

  /** The census's one Child element for this LA child id. */
  static Element child(Document xml, String laChildId) throws Exception {
    List<Element> found = children(xml, laChildId);
    assertThat(found).as("Child %s", laChildId).hasSize(1);
    return found.get(0);
  }

  static List<Element> children(Document xml, String laChildId) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(
        "/Message/Children/Child[ChildIdentifiers/LAchildID='" + laChildId + "']", xml, XPathConstants.NODESET);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  static Element element(Element parent, String path) throws Exception {
    return (Element) XPathFactory.newInstance().newXPath().evaluate(path, parent, XPathConstants.NODE);
  }

  /** The names of an element's child elements, in document order. */
  static List<String> childElements(Element parent) {
    List<String> names = new ArrayList<>();
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        names.add(e.getTagName());
      }
    }
    return names;
  }

  static String text(Object node, String path) throws Exception {
    return XPathFactory.newInstance().newXPath().evaluate(path, node);
  }

  static List<String> texts(Object node, String path) throws Exception {
    NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, node, XPathConstants.NODESET);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent());
    }
    return values;
  }
}
