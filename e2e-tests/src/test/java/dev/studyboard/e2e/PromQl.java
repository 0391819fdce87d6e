package dev.studyboard.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** The series that PromQL reads: what must exist in Prometheus for a query or an alert rule to mean anything. */
final class PromQl {

    /** Strings (label values) and comments: nothing in them is a series. */
    private static final Pattern QUOTED_OR_COMMENT =
            Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`|#[^\\n]*");
    /** Label matchers {@code {…}}, ranges and subqueries {@code […]}. */
    private static final Pattern MATCHERS_OR_RANGE = Pattern.compile("\\{[^}]*}|\\[[^\\]]*]");
    /** Label lists name labels, not series: {@code by (le)}, {@code without (…)}, {@code on (…)}, … */
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", Pattern.CASE_INSENSITIVE);
    /** A number or duration ({@code 0.99}, {@code 1e3}, {@code 5m}), or a name, and whether a call follows it. */
    private static final Pattern TOKEN = Pattern.compile("\\.?\\d[\\w.]*|([a-zA-Z_:][\\w:]*)(\\s*\\()?");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "atan2",
            "bool",
            "offset",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    private PromQl() {}

    /**
     * The metric names an expression reads, as written: {@code _bucket}, {@code _count}, {@code _sum} and
     * {@code _total} are part of the name Prometheus stores. A name inside {@code absent(…)} counts as well.
     */
    static Set<String> metricNames(String expression) {
        String rest = QUOTED_OR_COMMENT.matcher(expression).replaceAll(" ");
        rest = MATCHERS_OR_RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(rest);
        while (token.find()) {
            String name = token.group(1);
            boolean called = token.group(2) != null; // a function or an aggregation: sum(, rate(, absent(
            if (name != null && !called && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The {@code expr} of every alert rule in a Prometheus rule file (recording rules left out). */
    static List<String> alertExpressions(String ruleFile) {
        List<String> expressions = new ArrayList<>();
        Map<String, List<Map<String, Object>>> file = new Yaml().load(ruleFile);
        for (Map<String, Object> group : file.getOrDefault("groups", List.of())) {
            @SuppressWarnings("unchecked")
            var rules = (List<Map<String, Object>>) group.getOrDefault("rules", List.of());
            rules.stream()
                    .filter(rule -> rule.containsKey("alert"))
                    .forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
        }
        return expressions;
    }

    /** The metric names all alert rules of a rule file read. */
    static Set<String> alertMetricNames(String ruleFile) {
        Set<String> names = new TreeSet<>();
        alertExpressions(ruleFile).forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }
}
