package io.drm.spring;

import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The applications the tests start. */
final class TestApps {

    private TestApps() {
    }

    /** A bean that reads the released schema in its constructor, through Boot's JdbcTemplate. */
    static final class CustomerCount {
        final long count;

        CustomerCount(JdbcTemplate jdbc) {
            Long n = jdbc.queryForObject("SELECT COUNT(*) FROM customer", Long.class);
            this.count = n == null ? -1 : n;
        }
    }

    /** Records the audit events of the release. */
    static final class RecordingSink implements AuditSink {
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void append(AuditEvent event) {
            events.add(event);
        }
    }

    /** An application with a JdbcTemplate reader, a meter registry, an audit sink and a customizer. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        CustomerCount customerCount(JdbcTemplate jdbc) {
            return new CustomerCount(jdbc);
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        RecordingSink recordingSink() {
            return new RecordingSink();
        }

        @Bean
        DataReleaseCustomizer actorCustomizer() {
            return builder -> builder.actor("customized-actor");
        }
    }

    /** The same application without the reader, for releases that fail or race. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(Plain.Registry.class)
    static class Plain {
        @Configuration(proxyBeanMethods = false)
        static class Registry {
            @Bean
            MeterRegistry meterRegistry() {
                return new SimpleMeterRegistry();
            }
        }
    }
}
