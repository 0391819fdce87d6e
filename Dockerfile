# One Dockerfile for every runnable module of the build, chosen with a build argument:
#   docker build --build-arg SERVICE=catalog-service -t studyboard/catalog-service:0.1.0 .
# docker compose builds each service this way (see docker-compose.yml).

# ---- build: compile every runnable module once ----------------------------------------------------------
# Nothing in this stage depends on SERVICE, so it is the same step for every image: BuildKit runs it once and the
# other images of a `docker compose build` reuse it, instead of one Maven run per image over the shared modules.
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /workspace
COPY . .
# The Maven repository is a BuildKit cache mount: it survives between builds, so a second build downloads
# nothing and only compiles what changed.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q package -Dmaven.test.skip=true -am -pl \
        auth-server,discovery-server,catalog-service,member-service,progress-service,api-gateway,demo-loader,synthetic-check

# ---- extract: this image's module, split into layers -----------------------------------------------------
# Dependencies change rarely, the application often: separate layers keep an image update small. The extracted
# form (a plain jar with its libraries beside it) is also what the JVM's AOT cache needs.
FROM build AS extract
ARG SERVICE
RUN jar=$(ls "${SERVICE}"/target/"${SERVICE}"-*-exec.jar 2>/dev/null || ls "${SERVICE}"/target/"${SERVICE}"-*.jar) \
 && cp "$jar" /tmp/application.jar \
 && java -Djarmode=tools -jar /tmp/application.jar extract --layers --destination /extracted

# ---- run: a JRE, the layers, an AOT cache, a non-root user -------------------------------------------------
FROM eclipse-temurin:25-jre
RUN id -u 1000 >/dev/null 2>&1 || useradd --uid 1000 --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=extract /extracted/dependencies/ ./
COPY --from=extract /extracted/spring-boot-loader/ ./
COPY --from=extract /extracted/snapshot-dependencies/ ./
COPY --from=extract /extracted/application/ ./
# Container-aware memory: the heap follows the container's limit instead of the host's RAM. Set before the
# training run below, so the cache is made with the flags it is used with.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
# JVM AOT cache (JDK 25, JEP 514/515): a training run starts the application up to a refreshed Spring context
# and exits (spring.context.exit=onRefresh); the JVM keeps the classes it loaded and linked, and the method
# profiles, in app.aot, which every start then maps instead of doing that work again. No database, broker or
# registry answers during an image build, so the training skips what would need one (Flyway, Kafka topic creation;
# a missing Eureka only logs), and what a process refuses to start without is made up for the run and thrown away:
# a signing key (the auth-server's) and client secrets. None of it stays in the image.
# The training JVM is sized like one in a container (MaxRAM), whatever the build machine has: a cache made with a heap
# over 32 GB (no compressed pointers) would be refused, with only a warning, by every JVM in a smaller container.
# It runs with the docker profile, as compose runs the services. benchmarks/start-up.sh checks the cache is used.
# Start without the cache, to compare: JDK_JAVA_OPTIONS=-XX:AOTMode=off.
RUN openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out /tmp/training.key 2>/dev/null \
 && env SPRING_PROFILES_ACTIVE=docker SPRING_FLYWAY_ENABLED=false SPRING_KAFKA_ADMIN_AUTO_CREATE=false \
        AUTH_SIGNING_KEY_ID=aot-training AUTH_SIGNING_PRIVATE_KEY="$(cat /tmp/training.key)" \
        AUTH_SIGNING_PUBLIC_KEY="$(openssl pkey -in /tmp/training.key -pubout)" \
        DEMO_LOADER_CLIENT_SECRET=aot-training SYNTHETIC_CHECK_CLIENT_SECRET=aot-training \
        java -XX:MaxRAM=2g -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar application.jar \
        > /tmp/aot-training.log 2>&1 \
 || { tail -n 80 /tmp/aot-training.log; exit 1; }; \
    rm -f /tmp/training.key /tmp/aot-training.log
USER 1000:1000
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "application.jar"]
