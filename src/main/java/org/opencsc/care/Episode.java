package org.opencsc.care;

import java.time.LocalDate;

/**
 * One SSDA903 episode of care: a period with one legal status and one placement. {@code dec} and
 * {@code rec} are empty while the episode is open.
 */
public record Episode(
    String id,
    String childId,
    String processInstanceId,
    LocalDate decom,
    String rne,
    String ls,
    String cin,
    String place,
    String placeProvider,
    LocalDate dec,
    String rec,
    String reasonPlaceChange,
    String homePost,
    String plPost,
    String urn,
    boolean longTermPlacement) {

  /** The next episode from {@code start}: same child, same category of need and home postcode. */
  Episode next(String newId, LocalDate start, String newRne, String newLs, String newPlace, String newProvider,
      String newPlPost, String newUrn, boolean newLongTerm) {
    return new Episode(newId, childId, processInstanceId, start, newRne, newLs, cin, newPlace, newProvider,
        null, null, null, homePost, newPlPost, newUrn, newLongTerm);
  }
}
