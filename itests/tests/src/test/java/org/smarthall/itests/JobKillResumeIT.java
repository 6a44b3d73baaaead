package org.smarthall.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.Test;
import org.smarthall.testing.KarafProcess;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job running when Karaf is killed with SIGKILL resumes after the restart and ends exactly as
 * an uninterrupted run of the same job: same rows, same counters, nothing counted twice.
 */
public class JobKillResumeIT {
    private static final int N = 30_000;
    private static final int SIZE = 1_000;
    private static final int PARTITIONS = N / SIZE;

    @Test
    public void aJobKilledMidwayResumesAfterRestartWithTheResultOfAnUninterruptedRun() {
        Path work = Path.of(System.getProperty("itest.work"), "kill-resume");
        try (KarafProcess karaf = KarafProcess.unpack(Path.of(System.getProperty("smarthall.distribution")), work)) {
            karaf.deploy(Path.of(System.getProperty(SmartHallOptions.PLUGIN_JAR)));
            karaf.setProperty("etc/org.smarthall.demo.cfg", "loadOnFirstBoot", "false");
            karaf.start();
            karaf.awaitHealthy(Duration.ofSeconds(120));
            Http http = new Http(karaf.httpPort());

            // slow partitions (200 ms each) so the kill lands in the middle of the run
            long killed = Poll.until(Duration.ofSeconds(60), "the test plugin's job type", () -> {
                Http.Reply r = submit(http, 200);
                return r.status() == 201 ? r.json().get("id").asLong() : null;
            });
            int doneAtKill = Poll.until(Duration.ofSeconds(60), "a third of the partitions", () -> {
                int done = job(http, killed).get("progress").get("partitionsDone").asInt();
                return done >= PARTITIONS / 3 ? done : null;
            });
            karaf.kill();
            assertFalse(karaf.alive());
            assertTrue("killed midway, at " + doneAtKill + " of " + PARTITIONS, doneAtKill < PARTITIONS);

            karaf.start();
            karaf.awaitHealthy(Duration.ofSeconds(120));
            JsonNode resumed = awaitEnd(http, killed);
            assertEquals(resumed.toString(), "SUCCEEDED", resumed.get("state").asText());

            long uninterrupted = submit(http, 0).json().get("id").asLong();
            JsonNode reference = awaitEnd(http, uninterrupted);
            assertEquals("SUCCEEDED", reference.get("state").asText());

            long checksum = (long) (N - 1) * N * (2L * N - 1) / 6;
            for (JsonNode run : new JsonNode[] {resumed, reference}) {
                assertEquals(N, run.get("counters").get("rows").asLong());
                assertEquals(N, run.get("counters").get("stored").asLong());
                assertEquals(N, run.get("counters").get("distinct").asLong());
                assertEquals(checksum, run.get("counters").get("checksum").asLong());
                assertEquals(PARTITIONS, run.get("progress").get("partitionsDone").asInt());
                assertEquals(N, run.get("progress").get("done").asLong());
            }
            assertEquals("same result as the uninterrupted run", reference.get("counters"), resumed.get("counters"));
        }
    }

    private static Http.Reply submit(Http http, int pauseMillis) {
        return http.post(http.api("/jobs"), "admin", "admin-demo", "{\"type\":\"itest-squares\",\"parameters\":{\"n\":\""
                + N + "\",\"size\":\"" + SIZE + "\",\"pauseMillis\":\"" + pauseMillis + "\"}}");
    }

    private static JsonNode job(Http http, long id) {
        Http.Reply r = http.get(http.api("/jobs/" + id), "analyst", "analyst-demo");
        assertEquals(r.body(), 200, r.status());
        return r.json();
    }

    private static JsonNode awaitEnd(Http http, long id) {
        return Poll.until(Duration.ofSeconds(120), "job " + id + " to end", () -> {
            JsonNode job = job(http, id);
            return job.get("state").asText().matches("SUCCEEDED|FAILED|CANCELLED") ? job : null;
        });
    }
}
