package org.umapanim.common;

/** The tool's version, as Maven wrote it into the jar's manifest ("dev" when run from classes, as in tests). */
public final class Version {
    private Version() {}

    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
