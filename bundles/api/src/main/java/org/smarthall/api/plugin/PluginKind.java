package org.smarthall.api.plugin;

/** The service properties and kinds of plugin the platform knows. */
public final class PluginKind {
    /** Service property naming the kind of plugin. */
    public static final String PROPERTY_KIND = "smarthall.plugin.kind";
    /** Service property naming the plugin within its kind. */
    public static final String PROPERTY_ID = "smarthall.plugin.id";

    public static final String TAG_THEME = "tag-theme";
    public static final String GRADING_MODEL = "grading-model";
    public static final String CABIN = "cabin";
    public static final String CHANNEL = "channel";
    public static final String DEVICE = "device";
    public static final String POLICY = "policy";
    public static final String JOB_TYPE = "job-type";

    private PluginKind() {
    }
}
