# syntax=docker/dockerfile:1
# The image of every ParX service: docker-compose.yml builds it once per service with the build arguments
# SERVICE (the Maven module: admin-api, data-router, collector, storage-engine, analytics-engine, web) and PORT.
# Build context: the repository root, because each service needs the common and db modules.

# The web console's browser app. The Maven image has no Node >= 20.19 (which Vite needs), so the app is built here
# with the official Node 20 image and the Maven build of web packages the result (-Dfrontend.skip=true skips its npm
# steps). Vite writes into web/target/classes/static. Every service's build refers to this stage, so BuildKit runs
# it once and reuses it.
FROM node:20-bookworm AS frontend
WORKDIR /src/web/frontend
COPY web/frontend/package.json web/frontend/package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
COPY web/frontend/ ./
RUN npm run build

FROM maven:3.9-eclipse-temurin-25 AS build
ARG SERVICE
WORKDIR /src
COPY . .
COPY --from=frontend /src/web/target/classes/static web/target/classes/static
RUN --mount=type=cache,target=/root/.m2 \
    [ -n "$SERVICE" ] || { echo "build with --build-arg SERVICE=<module>" >&2; exit 1; }; \
    ./mvnw -B -ntp -q -pl "$SERVICE" -am package -DskipTests -Dfrontend.skip=true \
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
