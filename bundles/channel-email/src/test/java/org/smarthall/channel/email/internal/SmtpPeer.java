package org.smarthall.channel.email.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/**
 * A real GreenMail SMTP server on a free port of the loopback interface, whose RCPT replies can
 * be set per address and the reply to the data for all (GreenMail itself takes every message).
 */
final class SmtpPeer implements AutoCloseable {
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final AtomicReference<String> dataReply = new AtomicReference<>();
    private final GreenMail server;

    private SmtpPeer(ServerSetup setup) {
        server = new ScriptedGreenMail(setup.dynamicPort());
        server.start();
    }

    /** Plain SMTP. */
    static SmtpPeer smtp() {
        return new SmtpPeer(ServerSetupTest.SMTP);
    }

    /** SMTPS with GreenMail's own self-signed certificate. */
    static SmtpPeer smtps() {
        return new SmtpPeer(ServerSetupTest.SMTPS);
    }

    int port() {
        AbstractServer smtp = server.getSmtp() != null ? server.getSmtp() : server.getSmtps();
        return smtp.getPort();
    }

    /** From now on, RCPT TO this address gets {@code reply} (e.g. {@code 550 5.1.1 ...}). */
    void replyToRcpt(String address, String reply) {
        rcptReplies.put(address.toLowerCase(), reply);
    }

    /** From now on, the end of every message's data gets {@code reply} instead of 250. */
    void replyToData(String reply) {
        dataReply.set(reply);
    }

    /** AUTH is then checked against this user; without it GreenMail takes any login. */
    void requireLogin(String login, String password) {
        server.setUser(login + "@localhost", login, password);
    }

    List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    void stop() {
        server.stop();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A port nothing listens on (taken from the system, then released). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class ScriptedGreenMail extends GreenMail {
        ScriptedGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers ignored) {
            // called from GreenMail's constructor too: nothing of SmtpPeer may be read here, only later
            managers = new ScriptedManagers();
            return super.createServices(config, managers);
        }
    }

    private final class ScriptedManagers extends Managers {
        private final SmtpManager smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress rcpt) {
                return rcptReplies.get(rcpt.getEmail().toLowerCase());
            }

            @Override
            public String checkData(SmtpState state) {
                return dataReply.get();
            }
        };

        @Override
        public SmtpManager getSmtpManager() {
            return smtp;
        }
    }
}
