# The application's image, built from the sources: `docker compose --profile app up -d --build`
# (see docker-compose.yml) or `docker build -t lead-handoff .`. The build needs a JDK 21+ (the
# embedded engine is Java 21 bytecode) and Node 22 (the pages are built with Vite 8).
FROM node:22-bookworm-slim AS build
COPY --from=eclipse-temurin:21-jdk /opt/java/openjdk /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH="${JAVA_HOME}/bin:${PATH}"
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package && cp target/lead-handoff-*.jar /lead-handoff.jar

FROM eclipse-temurin:21-jre
# Not root; its working directory holds the working copies of imports (./data/imports).
RUN useradd --system --uid 10001 --home-dir /var/lib/lead-handoff lead-handoff \
    && mkdir -p /var/lib/lead-handoff && chown lead-handoff /var/lib/lead-handoff
COPY --from=build /lead-handoff.jar /opt/lead-handoff/lead-handoff.jar
USER 10001
WORKDIR /var/lib/lead-handoff
EXPOSE 8090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/lead-handoff/lead-handoff.jar"]
