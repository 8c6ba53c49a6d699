# Children's social care journeys: build the Spring Boot jar, then run it as a non-root user.
#   docker build -t csc-journeys .
#   docker run -p 8080:8080 -v csc-data:/app/data csc-journeys          (default profile: embedded H2)
#   docker compose up                                                    (PostgreSQL: see docker-compose.yml)

# --- build -------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# The pom packages src/main/resources, processes/ (BPMN) and forms/ (Camunda Forms) into the jar.
COPY pom.xml ./
COPY src ./src
COPY processes ./processes
COPY forms ./forms
# The glob matches only the repackaged Boot jar (the plain jar is named *.jar.original).
RUN mvn -B -DskipTests package \
 && cp target/*.jar /build/app.jar

# --- run ---------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system csc \
 && useradd --system --gid csc --home-dir /app --no-create-home csc \
 && mkdir -p /app/data \
 && chown -R csc:csc /app
WORKDIR /app
COPY --from=build --chown=csc:csc /build/app.jar /app/app.jar
# Default profile: H2 file database at ${CSC_DATA_DIR}/csc (see application.yml); mount a volume to keep it.
ENV CSC_DATA_DIR=/app/data
VOLUME ["/app/data"]
USER csc
EXPOSE 8080
# JVM options: set JAVA_TOOL_OPTIONS (e.g. -XX:MaxRAMPercentage=75); Spring settings via environment.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
