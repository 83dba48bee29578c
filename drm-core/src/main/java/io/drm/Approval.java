package io.drm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A person's signed approval of exactly one release plan: the plan id (which covers every step's
 * checksum, so one changed byte of one migration makes another plan), who approved, why and when,
 * signed with the approver's Ed25519 key. A release to an environment accepts it through
 * {@link ReleasePlan#apply(Approval...)} when the approver and key are on that environment's list
 * ({@link DataRelease.Builder#approver(String, String, PublicKey)}); it then waives the plan's
 * waivable policy violations (a breaking change that needs approval, a data step over its row limit).
 *
 * <pre>{@code
 * ReleasePlan plan = builder.plan();                 // blocked: plan.violations() is not empty
 * Approval a = Approval.sign(plan.id(), "alice", "reviewed the column drop", Instant.now(), aliceKey);
 * String json = a.toJson();                          // hand it over (ticket, pull request, chat)
 * plan.apply(Approval.parse(json));
 * }</pre>
 *
 * @param planId the id of the approved plan (64 hex digits)
 * @param approver who approved, as listed for the environment
 * @param reason why, for the audit trail
 * @param time when the approval was given
 * @param signature the Base64 Ed25519 signature over {@link #payload()}
 */
public record Approval(String planId, String approver, String reason, Instant time, String signature) {

    /** The only signature algorithm drm writes and accepts. */
    public static final String ALGORITHM = "Ed25519";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Validates.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the approver or reason is blank
     */
    public Approval {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signature, "signature");
        if (approver.isBlank() || reason.isBlank()) {
            throw new IllegalArgumentException("an approval needs a non-blank approver and reason");
        }
    }

    /**
     * Signs an approval of a plan.
     *
     * @param planId the plan's id ({@link ReleasePlan#id()})
     * @param approver who approves, as listed for the environment
     * @param reason why
     * @param time when
     * @param key the approver's Ed25519 private key
     * @return the signed approval
     * @throws IllegalArgumentException if the key is not an Ed25519 private key, or a text is blank
     */
    public static Approval sign(String planId, String approver, String reason, Instant time, PrivateKey key) {
        Objects.requireNonNull(key, "key");
        String payload = payload(planId, approver, reason, time);
        try {
            return new Approval(planId, approver, reason, time, io.drm.internal.Ed25519.sign(key, payload));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the approval key must be an Ed25519 private key", e);
        }
    }

    /**
     * Signs an approval of a plan.
     *
     * @param plan the plan
     * @param approver who approves
     * @param reason why
     * @param time when
     * @param key the approver's Ed25519 private key
     * @return the signed approval
     * @throws IllegalArgumentException if the key is not an Ed25519 private key, or a text is blank
     */
    public static Approval sign(ReleasePlan plan, String approver, String reason, Instant time, PrivateKey key) {
        return sign(Objects.requireNonNull(plan, "plan").id(), approver, reason, time, key);
    }

    /**
     * Tells whether the signature is a valid Ed25519 signature by the key over exactly this
     * approval's plan id, approver, reason and time.
     *
     * @param key the approver's public key
     * @return {@code true} only for a valid signature by that key
     */
    public boolean verify(PublicKey key) {
        Objects.requireNonNull(key, "key");
        return io.drm.internal.Ed25519.verifies(key, payload(), signature);
    }

    /**
     * The canonical JSON of everything but the signature: the bytes that are signed.
     *
     * @return the payload
     */
    public String payload() {
        return payload(planId, approver, reason, time);
    }

    /**
     * The canonical JSON: fixed key order, no whitespace; {@link #parse(String)} reads it back.
     *
     * @return the JSON
     */
    public String toJson() {
        Map<String, Object> m = body(planId, approver, reason, time);
        m.put("keyAlgorithm", ALGORITHM);
        m.put("signature", signature);
        return write(m);
    }

    /**
     * Reads an approval written by {@link #toJson()}.
     *
     * @param json the JSON
     * @return the approval (not yet verified)
     * @throws InvalidApprovalException ({@code DRM-POLICY-023}) if the text is not an approval
     */
    public static Approval parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject() || n.path("format").asInt() != 1
                    || !ALGORITHM.equals(n.path("keyAlgorithm").asText())) {
                throw new IllegalArgumentException("not a drm approval (format 1, Ed25519)");
            }
            return new Approval(text(n, "planId"), text(n, "approver"), text(n, "reason"),
                    Instant.parse(text(n, "time")), text(n, "signature"));
        } catch (JsonProcessingException | RuntimeException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidApprovalException("the text is not a valid drm approval: " + why
                    + ". Pass the JSON that Approval.toJson() wrote, unchanged.", e);
        }
    }

    @Override
    public String toString() {
        return "Approval[plan " + planId + " by " + approver + " at " + time + "]";
    }

    private static String payload(String planId, String approver, String reason, Instant time) {
        return write(body(planId, approver, reason, time));
    }

    private static Map<String, Object> body(String planId, String approver, String reason, Instant time) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("planId", Objects.requireNonNull(planId, "planId"));
        m.put("approver", Objects.requireNonNull(approver, "approver"));
        m.put("reason", Objects.requireNonNull(reason, "reason"));
        m.put("time", Objects.requireNonNull(time, "time").toString());
        return m;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not text");
        }
        return v.asText();
    }
}
