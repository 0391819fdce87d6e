package dev.studyboard.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.Map;

/** Label selector matching, as the API server does it. */
final class Labels {

    private Labels() {}

    /** A LabelSelector (Deployments, NetworkPolicies, PDBs): every matchLabels pair and every expression must hold. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null && !matches(selector.getMatchLabels(), labels)) {
            return false;
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                if (!matches(requirement, labels)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A plain map selector (Services): every pair must be among the labels. An empty selector matches all. */
    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(pair -> pair.getValue().equals(labels.get(pair.getKey())));
    }

    static boolean isEmpty(LabelSelector selector) {
        return selector == null
                || (selector.getMatchLabels() == null
                                || selector.getMatchLabels().isEmpty())
                        && (selector.getMatchExpressions() == null
                                || selector.getMatchExpressions().isEmpty());
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
        };
    }
}
