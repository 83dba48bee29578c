package io.drm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement of what a release applied to an environment, signed with Ed25519 when the release
 * was given a key ({@link DataRelease.Builder#attestationKey(PrivateKey)}). A later environment's
 * release takes it as proof that exactly this content was released and checked before
 * ({@link DataRelease.Builder#promotedFrom(Attestation)}).
 *
 * <pre>{@code
 * Attestation a = stagingResult.attestation();
 * String json = a.toJson();                 // store it next to the build
 * Attestation back = Attestation.parse(json);
 * back.verify(stagingPublicKey);            // true
 * }</pre>
 *
 * @param planId the id of the plan applied
 * @param environment the environment released to
 * @param time when the release completed
 * @param steps the steps applied, in order
 * @param artifacts the data artifacts and configuration documents released, in order
 * @param schemaHash the SHA-256 of a canonical description of the steps' kinds, versions and
 *     checksums and the artifacts' versions (drm has no schema snapshot yet: this hash stands for it)
 * @param checks the checks the release passed, by name
 * @param keyAlgorithm {@code Ed25519} when signed, else {@code null}
 * @param signature the Base64 Ed25519 signature over {@link #payload()}, or {@code null} when unsigned
 */
public record Attestation(String planId, String environment, Instant time, List<Step> steps,
        List<ArtifactVersion> artifacts, String schemaHash, List<String> checks, String keyAlgorithm,
        String signature) {

    /** The only signature algorithm drm writes and accepts. */
    public static final String ALGORITHM = "Ed25519";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One applied step.
     *
     * @param version the version, or {@code null} for a repeatable step
     * @param kind the step's kind
     * @param checksum the step's checksum
     * @param source the step's file, relative to its location
     */
    public record Step(String version, StepKind kind, String checksum, String source) {
        /** Validates. */
        public Step {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(checksum, "checksum");
            Objects.requireNonNull(source, "source");
        }

        /**
         * Returns the attested form of a release step.
         *
         * @param step the step
         * @return its attested form
         */
        public static Step of(ReleaseStep step) {
            return new Step(step.version(), step.kind(), step.checksum(), step.source());
        }
    }

    /** Validates and copies. */
    public Attestation {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(time, "time");
        steps = List.copyOf(steps);
        artifacts = List.copyOf(artifacts);
        Objects.requireNonNull(schemaHash, "schemaHash");
        checks = List.copyOf(checks);
        if ((keyAlgorithm == null) != (signature == null)) {
            throw new IllegalArgumentException("keyAlgorithm and signature go together");
        }
    }

    /**
     * Returns an unsigned attestation, its schema hash computed from the steps and artifacts.
     *
     * @param planId the plan's id
     * @param environment the environment
     * @param time the time
     * @param steps the steps
     * @param artifacts the artifacts
     * @param checks the checks passed
     * @return the attestation
     */
    public static Attestation unsigned(String planId, String environment, Instant time, List<Step> steps,
            List<ArtifactVersion> artifacts, List<String> checks) {
        return new Attestation(planId, environment, time, steps, artifacts, contentHash(steps, artifacts), checks,
                null, null);
    }

    /**
     * The SHA-256 (hex) of a canonical description of steps and artifacts: what promotion compares.
     *
     * @param steps the steps
     * @param artifacts the artifacts
     * @return the hash
     */
    public static String contentHash(List<Step> steps, List<ArtifactVersion> artifacts) {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            sb.append("step|").append(s.kind()).append('|').append(s.version() == null ? "" : s.version()).append('|')
                    .append(s.checksum()).append('\n');
        }
        for (ArtifactVersion a : artifacts) {
            sb.append("artifact|").append(a).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns this attestation signed with an Ed25519 key.
     *
     * @param key the Ed25519 private key
     * @return the signed attestation
     * @throws IllegalArgumentException if the key is not an Ed25519 key
     */
    public Attestation signedWith(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        try {
            return new Attestation(planId, environment, time, steps, artifacts, schemaHash, checks, ALGORITHM,
                    io.drm.internal.Ed25519.sign(key, payload()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the attestation key must be an Ed25519 private key: " + e.getMessage(),
                    e);
        }
    }

    /**
     * Tells whether this attestation carries a valid Ed25519 signature by one of the keys over
     * exactly its content, and whether its schema hash matches its steps and artifacts.
     *
     * @param keys the trusted public keys
     * @return {@code true} only for a valid signature by one of them
     */
    public boolean verify(PublicKey... keys) {
        Objects.requireNonNull(keys, "keys");
        if (signature == null || !ALGORITHM.equals(keyAlgorithm)
                || !schemaHash.equals(contentHash(steps, artifacts))) {
            return false;
        }
        String data = payload();
        for (PublicKey key : keys) {
            if (key != null && io.drm.internal.Ed25519.verifies(key, data, signature)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a signature is present (it may still be invalid: see {@link #verify}).
     *
     * @return {@code true} when signed
     */
    public boolean signed() {
        return signature != null;
    }

    /**
     * The canonical JSON of everything but the signature: the bytes that are signed.
     *
     * @return the payload
     */
    public String payload() {
        return write(body());
    }

    /**
     * The canonical JSON: fixed key order, no whitespace, UTF-8; {@link #parse(String)} reads it back.
     *
     * @return the JSON
     */
    public String toJson() {
        Map<String, Object> m = body();
        if (signature != null) {
            m.put("keyAlgorithm", keyAlgorithm);
            m.put("signature", signature);
        }
        return write(m);
    }

    /**
     * Reads an attestation written by {@link #toJson()}.
     *
     * @param json the JSON
     * @return the attestation (not yet verified)
     * @throws InvalidAttestationException ({@code DRM-PROMO-001}) if the text is not an attestation
     */
    public static Attestation parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            JsonNode n = JSON.readTree(json);
            if (n == null || !n.isObject() || n.path("format").asInt() != 1) {
                throw new IllegalArgumentException("not a drm attestation (format 1)");
            }
            List<Step> steps = new ArrayList<>();
            for (JsonNode s : required(n, "steps")) {
                steps.add(new Step(s.hasNonNull("version") ? s.get("version").asText() : null,
                        StepKind.valueOf(text(s, "kind")), text(s, "checksum"), text(s, "source")));
            }
            List<ArtifactVersion> artifacts = new ArrayList<>();
            for (JsonNode a : required(n, "artifacts")) {
                artifacts.add(ArtifactVersion.parse(a.asText()));
            }
            List<String> checks = new ArrayList<>();
            for (JsonNode c : required(n, "checks")) {
                checks.add(c.asText());
            }
            return new Attestation(text(n, "planId"), text(n, "environment"), Instant.parse(text(n, "time")), steps,
                    artifacts, text(n, "schemaHash"), checks,
                    n.hasNonNull("keyAlgorithm") ? n.get("keyAlgorithm").asText() : null,
                    n.hasNonNull("signature") ? n.get("signature").asText() : null);
        } catch (JsonProcessingException | RuntimeException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new InvalidAttestationException("the text is not a valid drm attestation: " + why
                    + ". Pass the JSON that ReleaseResult.attestation().toJson() wrote, unchanged.", e);
        }
    }

    private Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("planId", planId);
        m.put("environment", environment);
        m.put("time", time.toString());
        List<Map<String, Object>> s = new ArrayList<>();
        for (Step step : steps) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("version", step.version());
            o.put("kind", step.kind().name());
            o.put("checksum", step.checksum());
            o.put("source", step.source());
            s.add(o);
        }
        m.put("steps", s);
        m.put("artifacts", artifacts.stream().map(ArtifactVersion::toString).toList());
        m.put("schemaHash", schemaHash);
        m.put("checks", checks);
        return m;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a list");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not text");
        }
        return v.asText();
    }
}
