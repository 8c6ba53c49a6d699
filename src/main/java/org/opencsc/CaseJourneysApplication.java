package org.opencsc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseJourneysApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseJourneysApplication.class, args);
  }
}
