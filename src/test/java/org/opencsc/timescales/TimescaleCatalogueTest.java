package org.opencsc.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TimescaleCatalogueTest {

  private static final List<String> WT2023_IDS = List.of(
      "CONTACT_DECISION", "ALLOCATION", "ASSESSMENT", "STRATEGY_DISCUSSION", "ICPC", "FIRST_CORE_GROUP",
      "CORE_GROUP", "CP_VISIT", "FIRST_RCPC", "RCPC", "CIN_PLAN_REVIEW", "CARE_PLAN", "PLACEMENT_NOTIFICATION",
      "FIRST_LAC_VISIT", "LAC_VISIT", "INITIAL_HEALTH_ASSESSMENT", "HEALTH_REVIEW", "PEP", "FIRST_LAC_REVIEW",
      "SECOND_LAC_REVIEW", "LAC_REVIEW", "PATHWAY_NEEDS_ASSESSMENT", "PATHWAY_PLAN_REVIEW", "PROCEEDINGS",
      "CASE_MANAGEMENT_HEARING");
  private static final List<String> LEGACY_IDS = List.of("INITIAL_ASSESSMENT", "CORE_ASSESSMENT");
  private static final List<String> CONFIGURABLE_IDS =
      List.of("ALLOCATION", "STRATEGY_DISCUSSION", "CORE_GROUP", "CP_VISIT", "CIN_PLAN_REVIEW");

  private final TimescaleCatalogue catalogue = TimescaleCatalogue.loadDefault();

  @Test
  void holdsExactlyTheSpecRows() {
    assertThat(catalogue.all()).extracting(Timescale::id)
        .containsExactlyInAnyOrderElementsOf(concat(WT2023_IDS, LEGACY_IDS));
  }

  @Test
  void everyEntryNamesItsTriggerAndSource() {
    assertThat(catalogue.all()).allSatisfy(entry -> {
      assertThat(entry.trigger()).as(entry.id() + " trigger").isNotBlank();
      assertThat(entry.source()).as(entry.id() + " source").isNotBlank();
      assertThat(entry.due()).as(entry.id() + " due").isNotBlank();
      assertThat(entry.unit()).as(entry.id() + " unit").isNotNull();
    });
  }

  @Test
  void policiesAreWt2023ExceptTheLegacyNationalIndicators() {
    WT2023_IDS.forEach(id -> assertThat(catalogue.get(id).policy()).as(id).isEqualTo("WT2023"));
    LEGACY_IDS.forEach(id -> assertThat(catalogue.get(id).policy()).as(id).isEqualTo("LEGACY_NI"));
  }

  @Test
  void onlyTheLocalDefaultsAreConfigurable() {
    assertThat(catalogue.all()).filteredOn(Timescale::configurable).extracting(Timescale::id)
        .containsExactlyInAnyOrderElementsOf(CONFIGURABLE_IDS);
  }

  @Test
  void periodsAndUnitsMatchTheSpec() {
    assertLimit("CONTACT_DECISION", 1, PeriodUnit.WORKING_DAYS);
    assertLimit("ALLOCATION", 24, PeriodUnit.HOURS);
    assertLimit("ASSESSMENT", 45, PeriodUnit.WORKING_DAYS);
    assertLimit("STRATEGY_DISCUSSION", 0, PeriodUnit.WORKING_DAYS);
    assertLimit("ICPC", 15, PeriodUnit.WORKING_DAYS);
    assertLimit("FIRST_CORE_GROUP", 10, PeriodUnit.WORKING_DAYS);
    assertLimit("CORE_GROUP", 6, PeriodUnit.WEEKS);
    assertLimit("CP_VISIT", 10, PeriodUnit.WORKING_DAYS);
    assertLimit("FIRST_RCPC", 3, PeriodUnit.MONTHS);
    assertLimit("RCPC", 6, PeriodUnit.MONTHS);
    assertLimit("CIN_PLAN_REVIEW", 3, PeriodUnit.MONTHS);
    assertLimit("CARE_PLAN", 10, PeriodUnit.WORKING_DAYS);
    assertLimit("PLACEMENT_NOTIFICATION", 5, PeriodUnit.WORKING_DAYS);
    assertLimit("FIRST_LAC_VISIT", 1, PeriodUnit.WEEKS);
    assertLimit("LAC_VISIT", 6, PeriodUnit.WEEKS);
    assertLimit("INITIAL_HEALTH_ASSESSMENT", 20, PeriodUnit.WORKING_DAYS);
    assertLimit("HEALTH_REVIEW", 6, PeriodUnit.MONTHS);
    assertLimit("PEP", 10, PeriodUnit.WORKING_DAYS);
    assertLimit("FIRST_LAC_REVIEW", 20, PeriodUnit.WORKING_DAYS);
    assertLimit("SECOND_LAC_REVIEW", 3, PeriodUnit.MONTHS);
    assertLimit("LAC_REVIEW", 6, PeriodUnit.MONTHS);
    assertLimit("PATHWAY_NEEDS_ASSESSMENT", 3, PeriodUnit.MONTHS);
    assertLimit("PATHWAY_PLAN_REVIEW", 6, PeriodUnit.MONTHS);
    assertLimit("PROCEEDINGS", 26, PeriodUnit.COURT_WEEKS);
    assertLimit("CASE_MANAGEMENT_HEARING", 18, PeriodUnit.COURT_DAYS);
    assertLimit("INITIAL_ASSESSMENT", 7, PeriodUnit.WORKING_DAYS);
    assertLimit("CORE_ASSESSMENT", 35, PeriodUnit.WORKING_DAYS);

    assertThat(catalogue.get("ALLOCATION").warning()).isEqualTo(new Timescale.Span(6, PeriodUnit.HOURS));
    assertThat(catalogue.get("CASE_MANAGEMENT_HEARING").earliest()).isEqualTo(12);
    assertThat(catalogue.get("LAC_VISIT").rule()).isEqualTo(Timescale.Rule.LAC_VISIT);
    assertThat(catalogue.get("LAC_VISIT").alternative()).isEqualTo(new Timescale.Span(3, PeriodUnit.MONTHS));
    assertThat(catalogue.get("HEALTH_REVIEW").rule()).isEqualTo(Timescale.Rule.HEALTH_REVIEW);
    assertThat(catalogue.get("HEALTH_REVIEW").alternative()).isEqualTo(new Timescale.Span(12, PeriodUnit.MONTHS));
    assertThat(catalogue.get("ASSESSMENT").rule()).isEqualTo(Timescale.Rule.STANDARD);
    assertThat(catalogue.get("ASSESSMENT").workingDays()).isTrue();
    assertThat(catalogue.get("CORE_GROUP").workingDays()).isFalse();
  }

  @Test
  void aConfigurableEntryCanBeOverriddenLocallyAndSaysSo() {
    Timescale coreGroup = new TimescaleCatalogue(Map.of("CORE_GROUP", "8 WEEKS")).get("CORE_GROUP");
    assertThat(coreGroup.period()).isEqualTo(8);
    assertThat(coreGroup.unit()).isEqualTo(PeriodUnit.WEEKS);
    assertThat(coreGroup.policy()).isEqualTo("WT2023-LOCAL");
    assertThat(coreGroup.source()).isEqualTo(catalogue.get("CORE_GROUP").source());
    assertThat(coreGroup.due()).contains("8 weeks").contains("local");
  }

  @Test
  void overridesOnlyChangeTheNamedEntry() {
    TimescaleCatalogue local = new TimescaleCatalogue(Map.of("STRATEGY_DISCUSSION", "1 WORKING_DAYS"));
    assertThat(local.get("STRATEGY_DISCUSSION").period()).isEqualTo(1);
    assertThat(local.get("CORE_GROUP")).isEqualTo(catalogue.get("CORE_GROUP"));
    assertThat(local.get("ASSESSMENT")).isEqualTo(catalogue.get("ASSESSMENT"));
  }

  @Test
  void overridesBindFromSpringPropertiesWhateverTheKeyBecomes() {
    // Spring strips '_' from unbracketed map keys; a bracketed key keeps it
    TimescaleProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
        "csc.timescales.overrides.CORE_GROUP", "8 WEEKS",
        "csc.timescales.overrides.[CP_VISIT]", "15 WORKING_DAYS",
        "csc.timescales.overrides.cin-plan-review", "2 MONTHS",
        "csc.timescales.second-escalation-working-days", "3")))
        .bind("csc.timescales", TimescaleProperties.class).get();
    TimescaleCatalogue local = new TimescaleCatalogue(properties);

    assertThat(properties.secondEscalationWorkingDays()).isEqualTo(3);
    assertThat(local.get("CORE_GROUP").span()).isEqualTo(new Timescale.Span(8, PeriodUnit.WEEKS));
    assertThat(local.get("CP_VISIT").span()).isEqualTo(new Timescale.Span(15, PeriodUnit.WORKING_DAYS));
    assertThat(local.get("CIN_PLAN_REVIEW").span()).isEqualTo(new Timescale.Span(2, PeriodUnit.MONTHS));
  }

  @Test
  void secondEscalationDefaultsToFiveWorkingDays() {
    TimescaleProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
        "csc.timescales.overrides.CORE_GROUP", "8 WEEKS")))
        .bind("csc.timescales", TimescaleProperties.class).get();
    assertThat(properties.secondEscalationWorkingDays()).isEqualTo(5);
    assertThat(TimescaleProperties.defaults().secondEscalationWorkingDays()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ASSESSMENT", "CONTACT_DECISION", "PROCEEDINGS", "LAC_VISIT", "INITIAL_ASSESSMENT"})
  void aStatutoryEntryCannotBeOverridden(String id) {
    assertThatThrownBy(() -> new TimescaleCatalogue(Map.of(id, "60 WORKING_DAYS")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(id)
        .hasMessageContaining("statutory");
  }

  @Test
  void anOverrideOfAnUnknownIdOrInABadFormatIsRefused() {
    assertThatThrownBy(() -> new TimescaleCatalogue(Map.of("CORE_GRUOP", "8 WEEKS")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CORE_GRUOP");
    assertThatThrownBy(() -> new TimescaleCatalogue(Map.of("CORE_GROUP", "eight weeks")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("8 WEEKS");
    assertThatThrownBy(() -> new TimescaleCatalogue(Map.of("CORE_GROUP", "8 FORTNIGHTS")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("FORTNIGHTS");
    assertThatThrownBy(() -> new TimescaleCatalogue(Map.of("CORE_GROUP", "-1 WEEKS")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anUnknownIdIsReportedByName() {
    assertThat(catalogue.find("NO_SUCH_THING")).isEmpty();
    assertThatThrownBy(() -> catalogue.get("NO_SUCH_THING"))
        .isInstanceOf(UnknownTimescaleException.class)
        .hasMessageContaining("NO_SUCH_THING");
  }

  private void assertLimit(String id, int period, PeriodUnit unit) {
    assertThat(catalogue.get(id).span()).as(id).isEqualTo(new Timescale.Span(period, unit));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
