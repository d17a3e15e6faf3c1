package dev.qinglian.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest ({@code Implementation-Version}). */
public final class VersionProvider implements IVersionProvider {
  /** The version of this build, or {@code dev} when not run from a jar. */
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"qinglian " + version()};
  }
}
