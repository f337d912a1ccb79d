package vn.congvu.modules.internal;

/**
 * The parent of a dry run's class loader: it gives the candidate jar the congvu api classes the node runs
 * (so its modules are the node's {@code RuleModule}) and the Java platform, and nothing else of the node.
 */
final class ApiOnlyClassLoader extends ClassLoader {

    private final ClassLoader api;

    ApiOnlyClassLoader(ClassLoader api) {
        super("congvu-dry-run-api", ClassLoader.getPlatformClassLoader());
        this.api = api;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("vn.congvu.api.")) {
            return api.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
