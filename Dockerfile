# syntax=docker/dockerfile:1
# The image of every ParX service: docker-compose.yml builds it once per service with the build arguments
# SERVICE (the Maven module: admin-api, data-router, collector, storage-engine, analytics-engine) and PORT.
# Build context: the repository root, because each service needs the common and db modules.
FROM maven:3.9-eclipse-temurin-25 AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 \
    [ -n "$SERVICE" ] || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }; \
    ./mvnw -B -ntp -q -pl "$SERVICE" -am package -DskipTests \
    && mkdir /out && cp "$SERVICE/target/$SERVICE.jar" /out/app.jar \
    && cd /out && java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:25-jre
ARG PORT=8080
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app parx && mkdir -p /app/data && chown -R parx /app
WORKDIR /app
COPY --from=build /out/extracted/dependencies/ ./
COPY --from=build /out/extracted/spring-boot-loader/ ./
COPY --from=build /out/extracted/snapshot-dependencies/ ./
COPY --from=build /out/extracted/application/ ./
USER parx
ENV SERVER_PORT=${PORT} PARX_DATA_DIR=/app/data
EXPOSE ${PORT}
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
    CMD curl -fsS "http://localhost:${SERVER_PORT}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "org.springframework.boot.loader.launch.JarLauncher"]
