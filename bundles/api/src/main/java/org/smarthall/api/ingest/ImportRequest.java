package org.smarthall.api.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * An import to run.
 *
 * @param dataset  one of {@link Datasets#ALL}
 * @param file     the file to read; the import keeps its own copy, so the file may go away
 * @param fileName the name the user knows the file by (for the import record)
 * @param format   how to read it
 * @param charset  for CSV: the encoding, or {@code null} to use UTF-8 when the file is valid UTF-8 and GBK otherwise
 */
public record ImportRequest(String dataset, Path file, String fileName, ImportFormat format, Charset charset) {
}
