package org.opencsc.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opencsc.calendar.LondonTime;

/** The engine clock, set in Europe/London wall time as a social worker would say it. */
public final class TestClock {

  private TestClock() {}

  public static void setLondon(String localDateTime) {
    set(LocalDateTime.parse(localDateTime).atZone(LondonTime.ZONE).toInstant());
  }

  public static void set(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static Instant londonStartOf(LocalDate date) {
    return LondonTime.startOfDay(date);
  }

  public static void reset() {
    ClockUtil.reset();
  }
}
