package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.smarthall.testing.KarafProcess;
import org.smarthall.testing.PostgresServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The distribution switched to PostgreSQL the way the README tells a province to: install
 * smarthall-store-postgresql and point the DataSource configuration at the server. The store
 * migrates the empty database and jobs run on it.
 */
public class PostgresDistributionIT {

    @Test
    public void theDistributionRunsOnPostgresqlByConfigurationAlone() throws Exception {
        Path work = Path.of(System.getProperty("itest.work"), "postgres");
        try (PostgresServer postgres = PostgresServer.start();
                KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("smarthall.distribution")), work)) {
            String datasource = "etc/org.ops4j.datasource-smarthall.cfg";
            karaf.setProperty(datasource, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
            karaf.setProperty(datasource, "url", postgres.jdbcUrl());
            karaf.setProperty(datasource, "user", postgres.user());
            addBootFeature(karaf.home(), "smarthall-store-postgresql");
            karaf.deploy(Path.of(System.getProperty(SmartHallOptions.PLUGIN_JAR)));
            karaf.setProperty("etc/org.smarthall.demo.cfg", "loadOnFirstBoot", "false");
            karaf.start();
            karaf.awaitHealthy(Duration.ofSeconds(120));
            Http http = new Http(karaf.httpPort());

            long id = Poll.until(Duration.ofSeconds(60), "the job type", () -> {
                Http.Reply r = http.post(http.api("/jobs"), "admin", "admin-demo",
                        "{\"type\":\"itest-squares\",\"parameters\":{\"n\":\"500\",\"size\":\"100\"}}");
                return r.status() == 201 ? r.json().get("id").asLong() : null;
            });
            JsonNode done = Poll.until(Duration.ofSeconds(60), "the job to end", () -> {
                JsonNode job = http.get(http.api("/jobs/" + id), "analyst", "analyst-demo").json();
                return job.get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? job : null;
            });
            assertEquals(done.toString(), "SUCCEEDED", done.get("state").asText());
            assertEquals(500, done.get("counters").get("stored").asLong());

            // the rows are in PostgreSQL, not in a Derby database next to it
            String rows = psql(postgres, "SELECT count(*) FROM itest_squares WHERE job_id = " + id);
            assertEquals("500", rows);
            assertTrue(psql(postgres, "SELECT max(version) FROM sh_schema_version").matches("\\d+"));
            assertTrue("no Derby database was created", !Files.exists(karaf.home().resolve("data/derby/smarthall")));
        }
    }

    private static void addBootFeature(Path home, String feature) throws Exception {
        Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("featuresBoot")) {
                lines.add(i + 1, "    " + feature + ", \\");
                Files.write(cfg, lines);
                return;
            }
        }
        throw new AssertionError("no featuresBoot in " + cfg);
    }

    private static String psql(PostgresServer postgres, String sql) throws Exception {
        Path bin = Files.list(Path.of("/usr/lib/postgresql")).map(v -> v.resolve("bin/psql"))
                .filter(Files::isExecutable).findFirst().orElse(Path.of("psql"));
        Process p = new ProcessBuilder(bin.toString(), "-h", "127.0.0.1", "-p", String.valueOf(postgres.port()), "-U",
                postgres.user(), "-d", "smarthall", "-tAc", sql).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(out, 0, p.waitFor());
        return out;
    }
}
