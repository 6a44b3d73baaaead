package org.smarthall.ingest.internal.imports;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall imports", description = "Imports of the customer base (docs/formats.md).")
public @interface ImportConfig {

    @AttributeDefinition(name = "Directory", description = "Where an import keeps its copy of the file it reads, so it can resume after a restart.")
    String directory() default "${karaf.data}/smarthall/imports";

    @AttributeDefinition(name = "Rows per partition", description = "Each partition commits on its own, with its rejected rows.", min = "100", max = "1000000")
    int partitionRows() default 5000;

    @AttributeDefinition(name = "Largest upload (MB)", description = "Largest file POST /imports/{dataset} accepts.", min = "1")
    int maxUploadMegabytes() default 2048;
}
