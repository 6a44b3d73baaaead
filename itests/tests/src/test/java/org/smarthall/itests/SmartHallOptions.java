package org.smarthall.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;

/**
 * Boots the SmartHall distribution the build produced (not a hand-picked bundle list), with
 * every port moved off its default so tests never collide with a running SmartHall.
 */
final class SmartHallOptions {
    static final String HTTP_PORT = "itest.http.port";
    static final String PLUGIN_JAR = "smarthall.itest.plugin";

    private SmartHallOptions() {
    }

    /** The distribution with the demo province loaded on first boot, at a smaller size. */
    static Option distributionWithDemo(int residents) {
        return composite(distribution(),
                editConfigurationFilePut("etc/org.smarthall.demo.cfg", "loadOnFirstBoot", "true"),
                editConfigurationFilePut("etc/org.smarthall.demo.cfg", "residents", String.valueOf(residents)));
    }

    static Option distribution() {
        String karaf = System.getProperty("karaf.version");
        File distribution = new File(required("smarthall.distribution"));
        int http = freePort();
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution.toURI().toString())
                        .name("SmartHall")
                        .karafVersion(karaf)
                        .unpackDirectory(new File(required("itest.work"), "exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevelOption.LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
                // the demo province would load 10,000 customers under the tests' feet; CustomerDataIT loads it
                editConfigurationFilePut("etc/org.smarthall.demo.cfg", "loadOnFirstBoot", "false"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
                systemProperty(HTTP_PORT).value(String.valueOf(http)),
                systemProperty(PLUGIN_JAR).value(new File(required(PLUGIN_JAR)).getAbsolutePath()),
                vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                javaModuleOptions(karaf));
    }

    /** What bin/karaf passes to a Java 9+ VM; Pax Exam's runner does not. */
    private static Option javaModuleOptions(String karaf) {
        return composite(
                vmOption("--add-reads=java.xml=java.logging"),
                vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
                vmOption("--patch-module"),
                vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar"),
                vmOption("--patch-module"),
                vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar"),
                vmOption("--add-opens"), vmOption("java.base/java.security=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.net=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.lang=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.base/java.util=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
                vmOption("--add-opens"), vmOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
                vmOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
                vmOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
                vmOption("--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED"),
                vmOption("--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED"),
                vmOption("--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED"));
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set (run the tests through Maven)");
        }
        return value;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
