package org.smarthall.channel.email.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarthall.api.notify.ChannelCapabilities;
import org.smarthall.testing.Annotations;

/** The component as Declarative Services activates it: defaults, and configurations it refuses. */
class EmailChannelConfigTest {

    private static EmailChannel channel(Map<String, Object> config) {
        return new EmailChannel(Annotations.of(EmailChannelConfig.class, config));
    }

    private static SmtpSettings settings(Map<String, Object> config) {
        return SmtpSettings.of(Annotations.of(EmailChannelConfig.class, config));
    }

    @Test
    void worksWithoutAConfigurationFile() {
        EmailChannel channel = channel(Map.of());
        assertEquals("email", channel.id());
        assertEquals(new ChannelCapabilities(0, false, false, false), channel.capabilities());
        SmtpSettings settings = settings(Map.of());
        assertEquals("电费账单", settings.subjectFor("bill"));
        assertEquals("购电提醒", settings.subjectFor("purchase_reminder"));
        assertEquals("供电营业厅通知", settings.subjectFor("unknown"));
    }

    @Test
    void theShippedCfgFileSaysWhatTheDefaultsSayChineseIncluded() throws Exception {
        Properties cfg = new Properties();
        // ISO-8859-1 with backslash-u escapes: how Felix FileInstall reads etc/*.cfg unless told otherwise
        try (InputStream in = Files.newInputStream(Path.of("../../features/src/main/cfg/" + EmailChannel.PID + ".cfg"))) {
            cfg.load(in);
        }
        Map<String, Object> config = new HashMap<>();
        for (String key : cfg.stringPropertyNames()) {
            // a leading dot is an underscore in the attribute's method name
            String attribute = key.replace('.', '_');
            Class<?> type = EmailChannelConfig.class.getMethod(attribute).getReturnType();
            String value = cfg.getProperty(key);
            config.put(attribute, type == int.class ? Integer.valueOf(value)
                    : type == String[].class ? new String[] {value} : value);
        }
        assertEquals(settings(Map.of()), settings(config));
        assertEquals("停电通知", settings(config).subjectFor("outage"));
        assertEquals("供电营业厅", settings(config).fromName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "host     | ''              | host = '' must name the SMTP server",
        "host     | smtp example    | host = 'smtp example' must name the SMTP server",
        "port     | 0               | port = 0 must be between 1 and 65535",
        "port     | 65536           | port = 65536 must be between 1 and 65535",
        "tls      | STARTTLS        | tls = 'STARTTLS' must be none, starttls or ssl",
        "tls      | tls             | tls = 'tls' must be none, starttls or ssl",
        "_password | secret         | .password is set but username is empty",
        "fromAddress | 95598         | fromAddress = '95598' is not an e-mail address",
        "fromAddress | a b@grid.example | fromAddress = 'a b@grid.example' is not an e-mail address",
        "messageIdDomain | smart hall | messageIdDomain = 'smart hall' must be a domain such as smarthall.host",
        "connectTimeoutMillis | 0   | connectTimeoutMillis = 0 must be at least 100",
        "readTimeoutMillis | 99     | readTimeoutMillis = 99 must be at least 100",
        "healthTimeoutMillis | -1   | healthTimeoutMillis = -1 must be at least 100",
        "maxMessagesPerSecond | 0   | maxMessagesPerSecond = 0 must be at least 1",
        "defaultSubject | ' '       | defaultSubject must not be empty",
    })
    void nonsensicalConfigurationIsRefusedNamingTheAttribute(String attribute, String value, String why) {
        Object typed = attribute.endsWith("Millis") || attribute.equals("port") || attribute.startsWith("max")
                ? (Object) Integer.valueOf(value) : value;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> channel(Map.of(attribute, typed)));
        assertEquals("email channel configuration refused: " + why, e.getMessage());
    }

    @Test
    void aLoginOverPlainSmtpIsRefusedExceptOnThisHost() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> channel(Map.of("host", "smtp.grid.example", "username", "hall", "_password", "s3cret")));
        assertEquals("email channel configuration refused: username = 'hall' with tls = none would send the password"
                + " in clear to smtp.grid.example: use starttls or ssl", e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
        channel(Map.of("host", "smtp.grid.example", "tls", "starttls", "username", "hall", "_password", "s3cret"));
        channel(Map.of("host", "127.0.0.1", "username", "hall", "_password", "s3cret"));
    }

    @Test
    void subjectsComeAsOneCommaSeparatedLineFromACfgFileOrOneByOneFromTheConsole() {
        SmtpSettings cfgFile = settings(Map.of("subjects",
                new String[] {"bill=电费账单, outage = 停电通知：抢修中,请耐心等待 ,survey=满意度调查"}));
        assertEquals(Map.of("bill", "电费账单", "outage", "停电通知：抢修中,请耐心等待", "survey", "满意度调查"),
                cfgFile.subjects());
        SmtpSettings console = settings(Map.of("subjects", new String[] {"bill=Bill, March", "arrears=欠费"}));
        assertEquals(Map.of("bill", "Bill, March", "arrears", "欠费"), console.subjects());

        IllegalArgumentException noSubject = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("subjects", new String[] {"bill="})));
        assertEquals("email channel configuration refused: subjects entry 'bill=' must read purpose=subject",
                noSubject.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of("subjects", new String[] {"bill=a,bill=b"})));
        assertEquals("email channel configuration refused: subjects names purpose 'bill' twice", twice.getMessage());
    }

    @Test
    void thePasswordIsNeverPartOfTheSettingsText() {
        SmtpSettings settings = settings(Map.of("tls", "ssl", "port", 465, "username", "hall", "_password", "s3cret"));
        assertTrue(settings.toString().contains("user hall, password ***"), settings.toString());
        assertFalse(settings.toString().contains("s3cret"));
    }
}
