package io.drm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.Approval;
import io.drm.InvalidApprovalException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Signing, verifying and reading approvals. */
final class ApprovalTest {

    private static final String PLAN = "ab".repeat(32);
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    private static KeyPair ed25519() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void a_signed_approval_round_trips_and_verifies_only_with_its_key() throws Exception {
        KeyPair alice = ed25519();
        Approval a = Approval.sign(PLAN, "alice", "reviewed the drop", T, alice.getPrivate());
        Approval back = Approval.parse(a.toJson());
        assertThat(back).isEqualTo(a);
        assertThat(back.toJson()).isEqualTo(a.toJson());
        assertThat(back.verify(alice.getPublic())).isTrue();
        assertThat(back.verify(ed25519().getPublic())).isFalse();
        assertThat(a.toString()).doesNotContain(a.signature());
    }

    @Test
    void any_changed_field_breaks_the_signature() throws Exception {
        KeyPair alice = ed25519();
        Approval a = Approval.sign(PLAN, "alice", "ok", T, alice.getPrivate());
        String json = a.toJson();
        for (String[] edit : new String[][] {{"\"alice\"", "\"alicf\""}, {"\"ok\"", "\"OK\""},
                {"10:00:00Z", "10:00:01Z"}, {PLAN, "ac" + PLAN.substring(2)}}) {
            Approval changed = Approval.parse(json.replace(edit[0], edit[1]));
            assertThat(changed.verify(alice.getPublic())).as(edit[1]).isFalse();
        }
    }

    @Test
    void text_that_is_not_an_approval_is_refused_with_a_code() {
        for (String text : new String[] {"nope", "{}", "{\"format\":1,\"keyAlgorithm\":\"Ed25519\",\"planId\":\"x\"}"}) {
            assertThatThrownBy(() -> Approval.parse(text)).isInstanceOf(InvalidApprovalException.class)
                    .hasMessageStartingWith("DRM-POLICY-023");
        }
    }
}
