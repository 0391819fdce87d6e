# One Dockerfile for every runnable module of the build, chosen with a build argument:
#   docker build --build-arg SERVICE=catalog-service -t studyboard/catalog-service:0.1.0 .
# docker compose builds each service this way (see docker-compose.yml).

# ---- build: compile the module (and the modules it uses) with Maven -----------------------------------
FROM maven:3.9-eclipse-temurin-25 AS build
ARG SERVICE
WORKDIR /workspace
COPY . .
# The Maven repository is a BuildKit cache mount: it survives between builds, so a second build downloads
# nothing and only compiles what changed. Locked: compose builds the images in parallel, and a Maven
# repository is not safe for concurrent writers.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -pl "${SERVICE}" -am package -Dmaven.test.skip=true
# Split the jar into layers (dependencies change rarely, the application often), for small image updates.
RUN jar=$(ls "${SERVICE}"/target/"${SERVICE}"-*-exec.jar 2>/dev/null || ls "${SERVICE}"/target/"${SERVICE}"-*.jar) \
 && java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /extracted

# ---- run: a JRE, the layers, a non-root user -----------------------------------------------------------
FROM eclipse-temurin:25-jre
RUN id -u 1000 >/dev/null 2>&1 || useradd --uid 1000 --no-create-home --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /extracted/dependencies/ ./
COPY --from=build /extracted/spring-boot-loader/ ./
COPY --from=build /extracted/snapshot-dependencies/ ./
COPY --from=build /extracted/application/ ./
USER 1000:1000
# Container-aware memory: the heap follows the container's limit instead of the host's RAM.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
