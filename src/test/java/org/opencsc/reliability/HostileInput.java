package org.opencsc.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Malformed and hostile input, chosen by a seeded {@link Random} so every run sends the same requests:
 * wrong types, huge strings, unknown codes, dates out of range, script and SQL injection, broken JSON.
 */
final class HostileInput {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Text that must never be taken as a valid code, date or id. */
  static final List<String> STRINGS = List.of(
      "", " ", "\t\n", "<script>alert('x')</script>", "\"><img src=x onerror=alert(1)>",
      "'; DROP TABLE child; --", "' OR '1'='1", "${jndi:ldap://127.0.0.1/x}", "#{7*7}", "${7*7}",
      "../../../../etc/passwd", "%00", "\u0000", "\uFEFF", "\u202Eevil", "😀👶🏽", "NaN", "-1", "0",
      "9999999999999999999999", "1e309", "true", "null", "undefined", "[]", "{}",
      "9999-99-99", "0000-00-00", "2026-02-30", "1899-12-31", "2101-01-01", "+999999999-12-31",
      "-999999999-01-01", "2026-13-01T25:61:61Z", "31/12/2026", "2026-11-27T10:15:00", "yesterday",
      "ZZZZ", "N99", "RC0", "6Z", "wbri", "m", "X", "C".repeat(21), "A".repeat(5000));

  private static final List<String> CONTENT_TYPES = List.of(
      "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
      "application/octet-stream", "application/json; charset=bogus-charset", "*/*", "application/javascript");

  private final Random random;

  HostileInput(long seed) {
    random = new Random(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  String hostileString() {
    return switch (random.nextInt(12)) {
      case 0 -> "x".repeat(100_000 + random.nextInt(10));
      case 1 -> randomUnicode(1 + random.nextInt(40));
      default -> pick(STRINGS);
    };
  }

  /** A JSON value of any type that does not fit where it is put. */
  JsonNode hostileValue() {
    return switch (random.nextInt(10)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.numberNode(pick(List.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 11L, 99999999999L)));
      case 2 -> NODES.numberNode(pick(List.of(1e308, -0.5, 3.14159, Double.MIN_VALUE)));
      case 3 -> NODES.booleanNode(random.nextBoolean());
      case 4 -> NODES.arrayNode().add(hostileString()).add(1);
      case 5 -> NODES.objectNode().put("value", hostileString()).put("$where", "1==1");
      default -> NODES.textNode(hostileString());
    };
  }

  String contentType() {
    return pick(CONTENT_TYPES);
  }

  /** One mutation of a valid JSON body: it comes back as the raw text to send. */
  String mutate(String validJson) {
    JsonNode body;
    try {
      body = JSON.readTree(validJson);
    } catch (Exception e) {
      throw new IllegalArgumentException(validJson, e);
    }
    int kind = random.nextInt(20);
    if (kind < 9) {
      replaceRandomField(body, hostileValue());
      if (random.nextInt(3) == 0) {
        replaceRandomField(body, hostileValue());
      }
      return body.toString();
    }
    return switch (kind) {
      case 9, 10 -> {
        removeRandomField(body);
        yield body.toString();
      }
      case 11 -> hostileValue().toString();
      case 12 -> body.toString().substring(0, random.nextInt(Math.max(1, body.toString().length())));
      case 13 -> body.toString() + pick(List.of("}", ",", "garbage", "]]", "\u0000"));
      case 14 -> "[".repeat(5000 + random.nextInt(5000)) + "]".repeat(10);
      case 15 -> "{\"a\":".repeat(3000) + "1" + "}".repeat(3000);
      case 16 -> "{\"" + pick(List.of("child", "contact", "type", "change")) + "\": " + hostileValue() + ", "
          + body.toString().substring(1);
      case 17 -> pick(List.of("", " ", "null", "\"\"", "0", "[]", "{}", "{\"child\": {}}", "{\"contact\": {}}"));
      case 18 -> body.toString().replace("\"", "'");
      default -> {
        ((ObjectNode) body).set("unknownField" + random.nextInt(100), hostileValue());
        replaceRandomField(body, hostileValue());
        yield body.toString();
      }
    };
  }

  private void replaceRandomField(JsonNode root, JsonNode value) {
    List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
    collect(root, fields);
    if (fields.isEmpty()) {
      return;
    }
    Map.Entry<ObjectNode, String> field = pick(fields);
    field.getKey().set(field.getValue(), value);
  }

  private void removeRandomField(JsonNode root) {
    List<Map.Entry<ObjectNode, String>> fields = new ArrayList<>();
    collect(root, fields);
    if (!fields.isEmpty()) {
      Map.Entry<ObjectNode, String> field = pick(fields);
      field.getKey().remove(field.getValue());
    }
  }

  private static void collect(JsonNode node, List<Map.Entry<ObjectNode, String>> fields) {
    if (node instanceof ObjectNode object) {
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        fields.add(Map.entry(object, name));
        collect(object.get(name), fields);
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(element -> collect(element, fields));
    }
  }

  private String randomUnicode(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int codePoint = random.nextInt(0x2FFFF);
      if (Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)) {
        text.appendCodePoint(codePoint);
      }
    }
    return text.toString();
  }
}
