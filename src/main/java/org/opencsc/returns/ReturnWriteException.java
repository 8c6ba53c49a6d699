package org.opencsc.returns;

/** Writing a return onto the response failed part-way (the client went away, or the stream broke). */
public class ReturnWriteException extends RuntimeException {

  public ReturnWriteException(Exception cause) {
    super("Could not write the return", cause);
  }
}
