package io.devshare.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a Quarkus test at the real servers of the test run: its own PostgreSQL database (init arg
 * {@code database}, also the role name and password of the local servers), Kafka, Keycloak and SMTP.
 */
public class RealServersResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (database != null) {
            String hostPort = TestServers.get("DEVSHARE_PG_HOST") + ":" + TestServers.get("DEVSHARE_PG_PORT");
            config.put("quarkus.datasource.reactive.url", "postgresql://" + hostPort + "/" + database);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostPort + "/" + database);
            config.put("quarkus.datasource.username", database);
            config.put("quarkus.datasource.password", database);
        }
        config.put("kafka.bootstrap.servers", TestServers.kafkaBootstrap());
        config.put("quarkus.oidc.auth-server-url", TestServers.realmUrl());
        config.put("devshare.keycloak.url", TestServers.keycloakUrl());
        config.put("quarkus.mailer.host", TestServers.get("DEVSHARE_SMTP_HOST"));
        config.put("quarkus.mailer.port", TestServers.get("DEVSHARE_SMTP_PORT"));
        return config;
    }

    @Override
    public void stop() {
        // The servers belong to the whole test run; deploy/local/servers.sh stops them.
    }
}
