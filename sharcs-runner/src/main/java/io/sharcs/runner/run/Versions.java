package io.sharcs.runner.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions of sharcs, DJL and plugins, read without initialising any engine. */
public final class Versions {

  private static final String UNKNOWN = "dev";

  private Versions() {}

  /** The runner's version: the jar's {@code Implementation-Version}, else Maven's properties. */
  public static String sharcs() {
    String v = of(Versions.class);
    if (!UNKNOWN.equals(v)) {
      return v;
    }
    String maven = property(
        Versions.class.getClassLoader(),
        "META-INF/maven/io.sharcs/sharcs-runner/pom.properties", "version");
    return maven == null ? UNKNOWN : maven;
  }

  /**
   * DJL's version, from {@code ai/djl/engine/api.properties}: reading it this way does not load
   * {@code Engine}, whose static initialiser looks up engines.
   */
  public static String djl() {
    String v = property(Versions.class.getClassLoader(), "ai/djl/engine/api.properties",
        "djl_version");
    return v == null ? "unknown" : v;
  }

  /** The {@code Implementation-Version} of the jar holding {@code type}, or {@code dev}. */
  public static String of(Class<?> type) {
    Package p = type.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? UNKNOWN : v;
  }

  private static String property(ClassLoader loader, String resource, String key) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key);
    } catch (IOException e) {
      return null;
    }
  }
}
