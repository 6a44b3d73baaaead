package org.smarthall.api.ingest;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Runs imports as jobs and keeps what they rejected. */
@ProviderType
public interface ImportService {

    /** Job type of imports. */
    String JOB_TYPE = "import";

    /**
     * Starts an import; it runs as a job of type {@value #JOB_TYPE}.
     *
     * @throws org.smarthall.api.InvalidInputException unknown dataset, unreadable file, undecodable charset
     */
    ImportInfo submit(ImportRequest request, String user);

    Optional<ImportInfo> find(long id);

    /** Rejected rows in line order. */
    List<ImportReject> rejects(long id, int offset, int limit);
}
