package org.treatywatch.config;

import org.yaml.snakeyaml.LoaderOptions;

/**
 * Hard limits for every YAML file the service reads (feeds.yaml, gazetteer.yaml): a careless or
 * hostile edit — an alias bomb, a self-referencing alias, a huge file — gets an error with its
 * line instead of exhausting memory or the stack.
 */
public final class YamlLimits {
    public static final int MAX_CODE_POINTS = 2_000_000;
    public static final int MAX_ALIASES = 20;
    public static final int MAX_DEPTH = 12;
    /** Words and phrases under topics: or in the gazetteer, all lists together. */
    public static final int MAX_FORMS = 50_000;

    private YamlLimits() {}

    public static LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(MAX_CODE_POINTS);
        o.setMaxAliasesForCollections(MAX_ALIASES);
        o.setNestingDepthLimit(MAX_DEPTH * 4);
        o.setAllowRecursiveKeys(false);
        o.setAllowDuplicateKeys(true);
        return o;
    }
}
