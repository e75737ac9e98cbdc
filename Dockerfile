# syntax=docker/dockerfile:1
# The update server as a container image: built from source, run from Spring Boot's layered jar as a non-root user,
# with the heap sized from the container's memory limit. See docs/clustering.md ("Deployment").
#
#   docker build -t hawkbit-update-server:0.1.0-SNAPSHOT .
#   docker run -p 8080:8080 hawkbit-update-server:0.1.0-SNAPSHOT                       # single node on H2
#   docker compose up -d                                                              # the three-node cluster

# 1. Build the jar (dependencies cached between builds).
FROM eclipse-temurin:17-jdk-jammy AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests install \
 && cp hawkbit-update-server/target/hawkbit-update-server-*.jar /app.jar

# 2. Split it into Spring Boot's layers (dependencies change rarely, the application often): app.jar plus lib/.
FROM eclipse-temurin:17-jre-jammy AS layers
WORKDIR /layers
COPY --from=build /app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# 3. The runtime image.
FROM eclipse-temurin:17-jre-jammy
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 hawkbit \
 && useradd --system --uid 10001 --gid hawkbit --home-dir /app --shell /usr/sbin/nologin hawkbit \
 && mkdir -p /var/lib/hawkbit/artifacts \
 && chown -R hawkbit:hawkbit /var/lib/hawkbit
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
# Class-data sharing (docs/performance.md): one training run that stops once the context is refreshed writes the archive
# of every class the server loads; each start then maps it instead of loading and verifying those classes again.
RUN java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar app.jar --server.port=0 \
      --hawkbit.artifact.storage.path=/tmp/cds-training --logging.level.root=WARN \
 && rm -rf /tmp/cds-training
USER hawkbit:hawkbit
# The JVM reads the container's limits (cgroups): the heap is a share of the memory limit, not of the host's RAM.
# The "lb" health group (database and readiness, not the broker) is what load balancers and the healthcheck ask.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError" \
    HAWKBIT_ARTIFACT_STORAGE_PATH=/var/lib/hawkbit/artifacts \
    MANAGEMENT_ENDPOINT_HEALTH_GROUP_LB_INCLUDE=db,readinessState
VOLUME /var/lib/hawkbit/artifacts
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/lb || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=app.jsa", "-jar", "app.jar"]
