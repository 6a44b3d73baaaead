package org.smarthall.demo.internal;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a generated province.
 *
 * @param rows data rows per dataset, in load order
 */
public record GenerationResult(Path directory, Map<String, Long> rows) {
    public GenerationResult {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    public Path file(String dataset) {
        return directory.resolve(ProvinceFiles.fileName(dataset));
    }
}
