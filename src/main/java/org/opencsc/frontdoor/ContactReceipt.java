package org.opencsc.frontdoor;

/** Response of POST /api/contacts. */
public record ContactReceipt(String childId, String journeyId, boolean joinedExistingJourney, String contactId) {}
