package dev.qinglian.internal;

/**
 * An accessor an API class installs once, from its static initialiser, so that the library's own
 * code can read what the API does not show ({@link SharedColumns}, {@link ResultAccess}, {@link
 * RegisterAccess}: the JDK's "shared secrets" pattern). Thread-safe.
 *
 * @param <T> the accessor's type
 */
public final class Installed<T> {
  private final Class<?> owner;
  private volatile T value;

  /** A slot that {@code owner}'s static initialiser fills. */
  public Installed(Class<?> owner) {
    this.owner = owner;
  }

  /** Installs the accessor; once. */
  public void install(T accessor) {
    if (value != null) {
      throw new IllegalStateException("already installed");
    }
    value = accessor;
  }

  /** The accessor, the owner's class initialised first if it is not yet. */
  public T get() {
    T v = value;
    if (v == null) {
      try {
        Class.forName(owner.getName(), true, owner.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
      v = value;
    }
    return v;
  }
}
