package org.opencsc.timescales;

public class UnknownTimescaleException extends RuntimeException {

  private final String timescaleId;

  public UnknownTimescaleException(String timescaleId) {
    super("Unknown timescale '" + timescaleId + "': no such entry in the timescale catalogue");
    this.timescaleId = timescaleId;
  }

  public String timescaleId() {
    return timescaleId;
  }
}
