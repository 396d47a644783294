package io.devshare.common.events;

import java.net.ConnectException;
import java.sql.SQLException;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    private static PgException pg(String state) {
        return new PgException("message", "ERROR", state, "detail");
    }

    @Test
    void whatTheDatabaseRefusesIsTheRecordsFault() {
        assertThat(Failures.isInfrastructure(pg("22021"))).isFalse(); // a NUL byte in text
        assertThat(Failures.isInfrastructure(pg("22P05"))).isFalse();
        assertThat(Failures.isInfrastructure(pg("23502"))).isFalse(); // not null
        assertThat(Failures.isInfrastructure(new RuntimeException("wrapped", pg("22008"))))
                .isFalse();
        assertThat(Failures.isInfrastructure(new MalformedEventException("missing deviceId")))
                .isFalse();
        assertThat(Failures.isInfrastructure(new NullPointerException())).isFalse();
        assertThat(Failures.isInfrastructure(new WebApplicationException(404))).isFalse();
        assertThat(Failures.isInfrastructure(new IllegalStateException("connection code of group 7 is unknown")))
                .isFalse();
        assertThat(Failures.isInfrastructure(new RuntimeException(
                        "Hibernate's DataException", new SQLException("ERROR: invalid byte sequence", "22021"))))
                .isFalse();
    }

    @Test
    void outagesAreInfrastructure() {
        assertThat(Failures.isInfrastructure(pg("57P01"))).isTrue(); // admin shutdown
        assertThat(Failures.isInfrastructure(pg("57P03"))).isTrue(); // starting up
        assertThat(Failures.isInfrastructure(pg("08006"))).isTrue();
        assertThat(Failures.isInfrastructure(pg("40001"))).isTrue(); // serialization failure
        assertThat(Failures.isInfrastructure(pg("53300"))).isTrue(); // too many connections
        assertThat(Failures.isInfrastructure(new RuntimeException(new ConnectException("Connection refused"))))
                .isTrue();
        assertThat(Failures.isInfrastructure(new io.vertx.core.VertxException("Connection is closed", true)))
                .isTrue();
        assertThat(Failures.isInfrastructure(new WebApplicationException(503))).isTrue();
        assertThat(Failures.isInfrastructure(new RuntimeException(new SQLException("terminating connection", "57P01"))))
                .isTrue();
        assertThat(Failures.isInfrastructure(new CompositeException(new IllegalStateException("x"), pg("08001"))))
                .isTrue();
    }

    @Test
    void theReasonNamesWhatTheDatabaseSaid() {
        assertThat(Failures.describe(new RuntimeException("outer", pg("22021"))))
                .isEqualTo("database refused it: message (SQLSTATE 22021)");
        assertThat(Failures.describe(new RuntimeException(
                        "outer",
                        new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00 (22021)", "22021"))))
                .isEqualTo("database refused it: invalid byte sequence for encoding \"UTF8\": 0x00 (SQLSTATE 22021)");
    }
}
