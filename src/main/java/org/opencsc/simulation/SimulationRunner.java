package org.opencsc.simulation;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Profile {@code simulate}: runs one simulated year, prints the report and stops the application. It
 * writes made-up children into the database it is pointed at, so it refuses to run with the {@code prod}
 * profile, and needs the {@code demo} profile's users to work the tasks.
 */
@Component
@Profile("simulate")
@EnableConfigurationProperties(SimulationProperties.class)
public class SimulationRunner implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

  private final ObjectProvider<CouncilYearSimulation> simulation;
  private final SimulationProperties properties;
  private final Environment environment;
  private final ConfigurableApplicationContext context;

  public SimulationRunner(ObjectProvider<CouncilYearSimulation> simulation, SimulationProperties properties, Environment environment,
      ConfigurableApplicationContext context) {
    this.simulation = simulation;
    this.properties = properties;
    this.environment = environment;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    refuseOutsideADemo(environment);
    CouncilYearSimulation year = simulation.getObject();
    SimulationReport report = year.run(properties.settings(year.rates()));
    log.info("\n{}", report.format());
    int code = report.invariantViolations().isEmpty() && report.completionFailures().isEmpty() ? 0 : 1;
    System.exit(SpringApplication.exit(context, () -> code));
  }

  /** Made-up children must never reach a council's real database. */
  static void refuseOutsideADemo(Environment environment) {
    java.util.List<String> active = Arrays.asList(environment.getActiveProfiles());
    if (active.contains("prod")) {
      throw new IllegalStateException("The simulate profile writes made-up children: it refuses to run with the "
          + "prod profile. Run it on its own database (see README, Simulation).");
    }
    if (!active.contains("demo")) {
      throw new IllegalStateException("The simulate profile works the tasks as the demo users: add the demo "
          + "profile (e.g. -Dspring-boot.run.profiles=simulate,demo) and use a database of its own.");
    }
  }
}
