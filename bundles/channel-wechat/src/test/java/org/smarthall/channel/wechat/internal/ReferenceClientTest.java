package org.smarthall.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smarthall.channel.wechat.internal.WeChatChannelTest.OPENID;
import static org.smarthall.channel.wechat.internal.WeChatChannelTest.bill;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smarthall.channel.wechat.internal.WeChatStub.Answer;

import com.fasterxml.jackson.databind.JsonNode;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateData;
import me.chanjar.weixin.mp.bean.template.WxMpTemplateMessage;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;

/**
 * The stub checked against weixin-java-mp, the widely used client of the real API: the SDK gets
 * its token, sends, reads msgid and errcodes from the stub as it would from WeChat, and the
 * channel's request carries the same fields as the SDK's.
 */
class ReferenceClientTest {
    private final WeChatChannelTest setup = new WeChatChannelTest();
    private WxMpService sdk;

    @BeforeEach
    void start() throws Exception {
        setup.startStub();
        WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
        config.setAppId(WeChatStub.APP_ID);
        config.setSecret(WeChatStub.APP_SECRET);
        WxMpHostConfig hosts = new WxMpHostConfig();
        hosts.setApiHost(setup.stub.baseUrl());
        hosts.setOpenHost(setup.stub.baseUrl());
        hosts.setMpHost(setup.stub.baseUrl());
        config.setHostConfig(hosts);
        config.setMaxRetryTimes(0);
        sdk = new WxMpServiceImpl();
        sdk.setWxMpConfigStorage(config);
    }

    @AfterEach
    void stop() {
        setup.stopStub();
    }

    private static WxMpTemplateMessage message(String clientMsgId) {
        WxMpTemplateMessage message = WxMpTemplateMessage.builder().toUser(OPENID)
                .templateId(WeChatStub.TEMPLATE_BILL).url("https://hall.example/bill/11").clientMsgId(clientMsgId)
                .build();
        message.addData(new WxMpTemplateData("thing1", "11月电费账单"));
        message.addData(new WxMpTemplateData("amount2", "128.50元"));
        return message;
    }

    @Test
    void theSdkGetsATokenAndAMsgidFromTheStub() throws Exception {
        assertEquals("3147483648", sdk.getTemplateMsgService().sendTemplateMsg(message("sdk-1")));
        assertEquals(1, setup.stub.tokenCalls.get());
        JsonNode sent = setup.stub.delivered.get(0);
        assertEquals("11月电费账单", sent.path("data").path("thing1").path("value").asText());
        assertEquals("sdk-1", sent.path("client_msg_id").asText());
    }

    @Test
    void theChannelSendsTheFieldsTheSdkSends() throws Exception {
        sdk.getTemplateMsgService().sendTemplateMsg(message("sdk-1"));
        setup.channel().send(bill("msg-1", OPENID));
        JsonNode bySdk = setup.stub.delivered.get(0);
        JsonNode byChannel = setup.stub.delivered.get(1);
        assertEquals(fieldNames(bySdk), fieldNames(byChannel));
        assertEquals(fieldNames(bySdk.path("data").path("thing1")), fieldNames(byChannel.path("data").path("thing1")));
    }

    @Test
    void theSdkReadsTheStubsErrcodes() {
        setup.stub.refusingOpenids.add(OPENID);
        assertEquals(43101, errcodeOf(() -> sdk.getTemplateMsgService().sendTemplateMsg(message("sdk-1"))));
        setup.stub.scriptSend(Answer.error(45009, "reach max api daily quota limit"));
        assertEquals(45009, errcodeOf(() -> sdk.getTemplateMsgService().sendTemplateMsg(message("sdk-2"))));
        setup.stub.scriptToken(Answer.error(40164, "invalid ip 203.0.113.7, not in whitelist"));
        assertEquals(40164, errcodeOf(() -> sdk.getAccessToken(true)));
    }

    @Test
    void theSdkRefreshesAnExpiredTokenAsItDoesAgainstWeChat() throws Exception {
        sdk.getTemplateMsgService().sendTemplateMsg(message("sdk-1"));
        setup.stub.expireTokens();
        sdk.getTemplateMsgService().sendTemplateMsg(message("sdk-2"));
        assertEquals(2, setup.stub.tokenCalls.get(), "42001 made the SDK fetch a new token");
        assertEquals(2, setup.stub.delivered.size());
    }

    interface Call {
        void run() throws WxErrorException;
    }

    private static int errcodeOf(Call call) {
        return assertThrows(WxErrorException.class, call::run).getError().getErrorCode();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
