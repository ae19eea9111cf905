package org.treatywatch.deliver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammatical number of a count, for templates: beside every whole number {@code k} in a
 * template's context (nested maps and lists included) there is {@code k_form} with one of
 * {@code one}, {@code two}, {@code few}, {@code many} or {@code other} set, after Arabic's rules
 * (1; 2; 3–10; 11–99; 0 and 100 on, by the last two digits as CLDR does). Hebrew templates need only
 * {@code one} and the rest: {@code {{#items_form.one}}ידיעה אחת{{/items_form.one}}{{^items_form.one}}{{items}} ידיעות{{/items_form.one}}}.
 */
final class CountForms {
    static final String SUFFIX = "_form";

    private CountForms() {}

    static String of(long n) {
        if (n == 1) return "one";
        if (n == 2) return "two";
        long lastTwo = Math.abs(n) % 100;
        if (lastTwo >= 3 && lastTwo <= 10) return "few";
        if (lastTwo >= 11) return "many";
        return "other";
    }

    /** The context with each count's form beside it; the context itself is left as it is. */
    static Map<String, Object> added(Map<String, ?> context) {
        Map<String, Object> out = new HashMap<>(context);
        for (Map.Entry<String, ?> e : context.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                out.putIfAbsent(e.getKey() + SUFFIX, Map.of(of(((Number) v).longValue()), true));
            } else {
                Object nested = nested(v);
                if (nested != v) out.put(e.getKey(), nested);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object nested(Object v) {
        if (v instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)) return added((Map<String, ?>) m);
        if (v instanceof Collection<?> c && c.stream().anyMatch(x -> x instanceof Map<?, ?>)) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object x : c) out.add(nested(x));
            return out;
        }
        return v;
    }
}
