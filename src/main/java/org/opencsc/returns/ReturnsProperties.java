package org.opencsc.returns;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code csc.returns.*}: the council's 3-digit DfE LA code ({@code la-code}, env CSC_LA_CODE) for the
 * CIN census header, and how this software names itself there.
 */
@ConfigurationProperties(prefix = "csc.returns")
public record ReturnsProperties(String laCode, String softwareCode, String release) {

  public ReturnsProperties {
    softwareCode = softwareCode == null || softwareCode.isBlank() ? "OpenCSC" : softwareCode;
    release = release == null || release.isBlank() ? "0.1.0" : release;
  }
}
