package restock.access;

import org.junit.jupiter.api.Test;
import restock.common.InvalidInput;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void a_stored_hash_matches_its_password_only() {
        String stored = PasswordHash.hash("correct horse battery".toCharArray(), RANDOM);
        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHash.ITERATIONS + "$").doesNotContain("correct horse");
        assertThat(PasswordHash.matches("correct horse battery".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.matches("correct horse batterY".toCharArray(), stored)).isFalse();
        assertThat(PasswordHash.matches(new char[0], stored)).isFalse();
    }

    @Test
    void a_hash_keeps_the_cost_it_was_made_with_and_is_verified_at_that_cost() {
        String stored = PasswordHash.hash("correct horse battery".toCharArray(), RANDOM, PasswordHash.Cost.FOR_TESTS);
        assertThat(stored).startsWith("pbkdf2-sha256$" + PasswordHash.MIN_ITERATIONS + "$");
        assertThat(PasswordHash.matches("correct horse battery".toCharArray(), stored)).isTrue();
        assertThat(PasswordHash.matches("correct horse batterY".toCharArray(), stored)).isFalse();
        assertThatThrownBy(() -> new PasswordHash.Cost(PasswordHash.MIN_ITERATIONS - 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHash.Cost(PasswordHash.MAX_ITERATIONS + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_password_hashes_differently_each_time_because_of_its_salt() {
        // At the tests' cost: the salt is what differs, and two production hashes cost seconds under the tests' JVM.
        assertThat(PasswordHash.hash("correct horse battery".toCharArray(), RANDOM, PasswordHash.Cost.FOR_TESTS))
                .isNotEqualTo(PasswordHash.hash("correct horse battery".toCharArray(), RANDOM, PasswordHash.Cost.FOR_TESTS));
    }

    @Test
    void a_password_shorter_than_the_minimum_is_refused_with_the_rule() {
        assertThatThrownBy(() -> PasswordHash.hash("short".toCharArray(), RANDOM)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("needs " + PasswordHash.MIN_PASSWORD_LENGTH);
    }

    @Test
    void a_tampered_hash_with_absurd_iterations_is_refused_rather_than_computed() {
        assertThatThrownBy(() -> PasswordHash.matches("correct horse battery".toCharArray(), "pbkdf2-sha256$2000000000$AAAA$AAAA"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> PasswordHash.matches("x".toCharArray(), "md5$abc")).isInstanceOf(IllegalArgumentException.class);
    }
}
