package org.opencsc.returns;

/** A setting the return needs is missing: the council must configure it before the return can be made. */
public class ReturnsNotConfiguredException extends RuntimeException {

  public ReturnsNotConfiguredException(String message) {
    super(message);
  }
}
