package org.smarthall.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarthall.channel.wechat.internal.WeChatChannelTest.OPENID;
import static org.smarthall.channel.wechat.internal.WeChatChannelTest.bill;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.api.notify.SendResult;
import org.smarthall.api.notify.SendResult.Outcome;
import org.smarthall.channel.wechat.internal.WeChatStub.Answer;

/**
 * Openids are personal data, the AppSecret and access tokens are credentials: none of them in
 * any log line the channel writes (slf4j-simple at debug, on standard error), nor in a detail.
 */
class NothingPersonalLoggedTest {
    private final WeChatChannelTest setup = new WeChatChannelTest();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream stderr;

    @BeforeEach
    void start() throws Exception {
        setup.startStub();
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setErr(stderr);
        setup.stopStub();
    }

    @Test
    void everyPathLogsTheMessageIdOnly() throws Exception {
        WeChatChannel channel = setup.channel();
        StringBuilder details = new StringBuilder();
        details.append(channel.send(bill("msg-accepted", OPENID)).detail());
        setup.stub.expireTokens();
        details.append(channel.send(bill("msg-new-token", OPENID)).detail());
        setup.stub.scriptSend(Answer.error(40003, "invalid openid " + OPENID));
        SendResult echoed = channel.send(bill("msg-bad-openid", OPENID));
        details.append(echoed.detail());
        setup.stub.refusingOpenids.add(OPENID);
        details.append(channel.send(bill("msg-refused", OPENID)).detail());
        setup.stub.scriptSend(Answer.error(45009, "reach max api daily quota limit"));
        details.append(channel.send(bill("msg-quota", OPENID)).detail());
        details.append(setup.channel(Map.of("_appSecret", "not-" + WeChatStub.APP_SECRET))
                .send(bill("msg-no-token", OPENID)).detail());
        String gone;
        try (WeChatStub stopped = new WeChatStub()) {
            gone = stopped.baseUrl();
        }
        details.append(setup.channel(Map.of("baseUrl", gone)).send(bill("msg-unreachable", OPENID)).detail());

        assertEquals(Outcome.REJECTED, echoed.outcome());
        assertTrue(echoed.detail().startsWith("errcode 40003 invalid openid <openid>"), echoed.detail());
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("msg-accepted") && logged.contains("msg-refused") && logged.contains("40125"),
                "the log was captured: " + logged);
        for (String secret : new String[] {OPENID, WeChatStub.APP_SECRET, "ACCESS_TOKEN-"}) {
            assertFalse(logged.contains(secret), "logged: " + secret + "\n" + logged);
            assertFalse(details.toString().contains(secret), "in a detail: " + secret + "\n" + details);
        }
    }
}
