package io.drm.internal;

import io.drm.Approval;
import io.drm.ApprovalRefusedException;
import io.drm.AuditException;
import io.drm.Finding;
import io.drm.PolicyViolation;
import io.drm.PolicyViolationException;
import io.drm.internal.policy.PolicySettings;
import io.drm.spi.AuditEvent;
import io.drm.spi.PlanView;
import io.drm.spi.ReleasePolicy;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a plan's policies and checks its approvals before the release lock: refuses approvals
 * for another plan, forged or unknown ones and expired ones, waives waivable violations for a validly
 * approved plan, and blocks the rest; audits {@code approval.granted}, {@code policy.waived} and
 * {@code policy.violation}.
 */
public final class PolicyGate {

    private static final Logger LOG = LoggerFactory.getLogger("io.drm.policy");

    private PolicyGate() {
    }

    /**
     * Evaluates the plan's policies on an open connection.
     *
     * @param settings the settings
     * @param plan the plan
     * @param findings the lint's findings of the plan
     * @param c an open connection to the database
     * @param kind the database's kind
     * @param reader reads a scanned file's bytes
     * @return the violations, in rule order; empty when no policy is configured
     */
    public static List<PolicyViolation> evaluate(Settings settings, PlanState plan, List<Finding> findings,
            Connection c, DatabaseKind kind, Function<ScannedFile, byte[]> reader) {
        PolicySettings p = settings.policy();
        if (!p.active() || plan.isEmpty()) {
            return List.of();
        }
        PlanView view = new PolicyFacts(settings, plan, findings, kind, reader, () -> {
            try {
                return io.drm.internal.policy.Probe.probe(c, kind);
            } catch (SQLException e) {
                throw settings.connector().translate(e, "read the user's privileges on");
            }
        });
        List<PolicyViolation> out = new ArrayList<>();
        for (ReleasePolicy rule : p.rules()) {
            List<PolicyViolation> v = rule.evaluate(view);
            if (v == null) {
                throw new IllegalStateException("policy " + rule + " returned null instead of a list");
            }
            out.addAll(v);
        }
        return out;
    }

    /**
     * Checks the approvals, then the violations; returns normally when the release may run.
     *
     * @param settings the settings
     * @param target the audit target
     * @param plan the plan about to run
     * @param violations its violations, as {@link #evaluate} gave them
     * @param approvals the approvals given to {@code apply}
     * @throws ApprovalRefusedException if an approval is for another plan, not validly signed by a listed
     *     approver of the environment, or expired
     * @throws PolicyViolationException if a violation blocks
     */
    public static void check(Settings settings, String target, PlanState plan, List<PolicyViolation> violations,
            List<Approval> approvals) {
        Auditor audit = new Auditor(settings, target);
        for (Approval a : approvals) {
            ApprovalRefusedException refused = refusal(settings, plan, a);
            if (refused != null) {
                Map<String, String> d = details(plan);
                d.put("approver", a.approver());
                d.put("approvedPlanId", a.planId());
                d.put("reason", refused.code().id());
                try {
                    audit.append("approval.refused", AuditEvent.Outcome.FAILURE, d, "");
                } catch (AuditException e) {
                    refused.addSuppressed(e);
                }
                throw refused;
            }
        }
        boolean approved = !approvals.isEmpty();
        List<PolicyViolation> blocking = violations.stream().filter(v -> !(v.waivable() && approved)).toList();
        if (!blocking.isEmpty()) {
            PolicyViolationException e = new PolicyViolationException(blocking, "the release of plan " + plan.id()
                    + " to " + settings.environment() + " is blocked by " + blocking.size()
                    + (blocking.size() == 1 ? " policy violation" : " policy violations") + ": "
                    + blocking.stream().map(PolicyViolation::explain).collect(Collectors.joining(" | "))
                    + ". Nothing was applied.");
            Map<String, String> d = details(plan);
            d.put("rules", blocking.stream().map(PolicyViolation::rule).distinct().collect(Collectors.joining(",")));
            d.put("codes", blocking.stream().map(v -> v.code().id()).distinct().collect(Collectors.joining(",")));
            d.put("approvals", String.valueOf(approvals.size()));
            try {
                audit.append("policy.violation", AuditEvent.Outcome.FAILURE, d, "");
            } catch (AuditException ae) {
                e.addSuppressed(ae);
            }
            throw e;
        }
        String approvers = approvals.stream().map(Approval::approver).distinct().collect(Collectors.joining(","));
        for (Approval a : approvals) {
            Map<String, String> d = details(plan);
            d.put("approver", a.approver());
            d.put("reason", a.reason());
            d.put("approvedAt", a.time().toString());
            audit.append("approval.granted", AuditEvent.Outcome.SUCCESS, d,
                    "Audit is fail-closed: the release did not start and nothing was applied.");
        }
        for (PolicyViolation v : violations) {
            Map<String, String> d = details(plan);
            d.put("rule", v.rule());
            d.put("code", v.code().id());
            d.put("approvers", approvers);
            audit.append("policy.waived", AuditEvent.Outcome.SUCCESS, d,
                    "Audit is fail-closed: the release did not start and nothing was applied.");
            LOG.warn("plan {} - policy {} waived by the approval of {}", plan.id(), v.rule(), approvers);
        }
    }

    private static Map<String, String> details(PlanState plan) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("planId", plan.id());
        return d;
    }

    private static ApprovalRefusedException refusal(Settings settings, PlanState plan, Approval a) {
        String env = settings.environment();
        if (!a.planId().equals(plan.id())) {
            return new ApprovalRefusedException(ApprovalRefusedException.OTHER_PLAN, "the approval by " + a.approver()
                    + " is for plan " + a.planId() + ", but the plan about to run is " + plan.id() + " (a migration,"
                    + " artifact or the database changed since it was approved). Review the new plan and have it"
                    + " approved; nothing was applied.");
        }
        Map<String, PublicKey> listed = settings.policy().approvers().getOrDefault(env, Map.of());
        PublicKey key = listed.get(a.approver());
        if (key == null || !a.verify(key)) {
            return new ApprovalRefusedException(ApprovalRefusedException.UNTRUSTED, "the approval of plan " + plan.id()
                    + " by " + a.approver() + " is " + (key == null ? "by no approver listed for " + env + " (listed: "
                    + (listed.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(listed.keySet()))) + ")"
                    : "not validly signed by " + a.approver() + "'s key (forged, or altered after signing)")
                    + ". Pass the approval exactly as Approval.toJson() wrote it, signed by a key listed with"
                    + " approver(\"" + env + "\", name, key); nothing was applied.");
        }
        Instant now = settings.clock().instant();
        Duration validity = settings.policy().approvalValidity();
        if (a.time().isAfter(now.plus(Duration.ofMinutes(5))) || a.time().plus(validity).isBefore(now)) {
            return new ApprovalRefusedException(ApprovalRefusedException.EXPIRED, "the approval of plan " + plan.id()
                    + " by " + a.approver() + " was given at " + a.time() + ", and approvals are accepted for "
                    + validity + " (it is " + now + " now)" + ". Have the plan approved again; nothing was applied.");
        }
        return null;
    }
}
