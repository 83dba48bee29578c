package io.drm.spring.internal;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Picks the {@code drm} health indicator of the Boot line on the class path, by class name, so
 * that neither line's health types are loaded where they do not exist: Boot 4's
 * {@code org.springframework.boot.health.contributor.HealthIndicator}, else Boot 3's
 * {@code org.springframework.boot.actuate.health.HealthIndicator}, else none.
 */
public final class DrmHealthImports implements ImportSelector {

    static final String BOOT4 = "org.springframework.boot.health.contributor.HealthIndicator";
    static final String BOOT3 = "org.springframework.boot.actuate.health.HealthIndicator";

    /** Created by Spring. */
    public DrmHealthImports() {
    }

    @Override
    public String[] selectImports(AnnotationMetadata metadata) {
        ClassLoader loader = DrmHealthImports.class.getClassLoader();
        if (ClassUtils.isPresent(BOOT4, loader)) {
            return new String[] {"io.drm.spring.internal.Boot4HealthConfiguration"};
        }
        if (ClassUtils.isPresent(BOOT3, loader)) {
            return new String[] {"io.drm.spring.internal.Boot3HealthConfiguration"};
        }
        return new String[0];
    }
}
