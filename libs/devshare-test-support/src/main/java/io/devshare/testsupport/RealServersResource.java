package io.devshare.testsupport;

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
        return TestServers.serviceConfig(database);
    }

    @Override
    public void stop() {
        // The servers belong to the whole test run; deploy/local/servers.sh stops them.
    }
}
