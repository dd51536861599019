package restock.service;

import restock.access.KeySecret;
import restock.access.PasswordHash;
import restock.common.Conflict;
import restock.common.InvalidInput;
import restock.common.NotFound;
import restock.store.SqlStaff;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Staff who sign in to the console: users with PBKDF2-hashed passwords, sessions known by a random cookie (only its
 * SHA-256 is stored), a CSRF token per session, and a pause after repeated wrong passwords.
 */
public final class StaffAccounts {
    /** How long a session lasts: a working day; then staff sign in again. */
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    /** Wrong passwords in a row before the user is locked for {@link #LOCKOUT}. */
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** The name of the user a first start makes. */
    public static final String FIRST_USER = "admin";
    /** Characters of a generated first password (base64 of random bytes: about 6 bits each). */
    static final int GENERATED_PASSWORD_BYTES = 15;
    static final int TOKEN_BYTES = 32;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /**
     * Verified against when the user does not exist, so an unknown name takes as long as a wrong password. Made at the
     * first sign-in, known name or not (each pays it alike), not when the class loads: every start of the server paid a
     * production hash for it, restarts after a crash included, and most starts see no sign-in before the next.
     */
    private static final class Decoy {
        static final String HASH = PasswordHash.hash("decoy-password-never-used".toCharArray(), new SecureRandom());
    }

    private final Restock restock;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final PasswordHash.Cost cost;

    public StaffAccounts(Restock restock, Clock clock) {
        this(restock, clock, PasswordHash.Cost.PRODUCTION);
    }

    /** With new passwords hashed at {@code cost}: {@link PasswordHash.Cost#FOR_TESTS} in the test suite only. */
    public StaffAccounts(Restock restock, Clock clock, PasswordHash.Cost cost) {
        this.restock = restock;
        this.clock = clock;
        this.cost = cost;
    }

    /** A user made with a password generated for them, to show once. */
    public record Created(String username, String password) {
        @Override
        public String toString() {
            return "Created[" + username + ", password not shown]";
        }
    }

    /** What a login attempt came to. */
    public sealed interface Login {
        /** Signed in: the cookie value to set and the session's CSRF token. */
        record SignedIn(String username, String sessionToken, String csrfToken, Instant expiresAt) implements Login {
            @Override
            public String toString() {
                return "SignedIn[" + username + "]";
            }
        }

        /** Not signed in, with a reason fit to show (it never says whether the name exists). */
        record Refused(String reason) implements Login {
        }
    }

    /** A signed-in member of staff, as each request finds them. */
    public record StaffSession(String username, String csrfToken, Instant expiresAt) {
    }

    public void create(String username, char[] password, String createdBy) {
        String name = requireUsername(username);
        String hash = PasswordHash.hash(password, random, cost);
        boolean created = restock.inTransaction(h -> SqlStaff.insert(h, name, hash, createdBy, clock.instant()));
        if (!created) {
            throw new Conflict("username", "a user named '" + name + "' exists already");
        }
    }

    /** A user with a generated password, shown once by the caller. */
    public Created createWithGeneratedPassword(String username, String createdBy) {
        String password = generatePassword();
        create(username, password.toCharArray(), createdBy);
        return new Created(requireUsername(username), password);
    }

    /** The first user, made when there is none: returned once, for the first start to print. */
    public Optional<Created> bootstrap() {
        // Hashing is slow on purpose: skip it on every start after the first.
        if (restock.read(SqlStaff::anyUser)) {
            return Optional.empty();
        }
        String password = generatePassword();
        String hash = PasswordHash.hash(password.toCharArray(), random, cost);
        return restock.inTransaction(h -> {
            SqlStaff.lockForBootstrap(h);
            if (SqlStaff.anyUser(h)) {
                return Optional.<Created>empty();
            }
            SqlStaff.insert(h, FIRST_USER, hash, "first start", clock.instant());
            return Optional.of(new Created(FIRST_USER, password));
        });
    }

    public void changePassword(String username, char[] password) {
        String hash = PasswordHash.hash(password, random, cost);
        restock.inTransaction(h -> {
            SqlStaff.User user = SqlStaff.find(h, requireUsername(username))
                    .orElseThrow(() -> new NotFound("username", "no user named '" + username + "'"));
            SqlStaff.setPassword(h, user.id(), hash);
            SqlStaff.endSessionsOf(h, user.id(), clock.instant());
            return null;
        });
    }

    public List<String> usernames() {
        return restock.read(SqlStaff::usernames);
    }

    /** Checks the password outside any transaction (it is slow on purpose), then records the outcome. */
    public Login login(String username, char[] password) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        String decoy = Decoy.HASH;
        Optional<SqlStaff.User> user = USERNAME.matcher(name).matches() ? restock.read(h -> SqlStaff.find(h, name)) : Optional.empty();
        boolean matches = PasswordHash.matches(password, user.map(SqlStaff.User::passwordHash).orElse(decoy));
        Instant now = clock.instant();
        if (user.isEmpty()) {
            return new Login.Refused("Wrong user name or password.");
        }
        SqlStaff.User found = user.get();
        if (found.lockedUntil().isPresent() && found.lockedUntil().get().isAfter(now)) {
            return new Login.Refused("Too many wrong passwords: this user is locked until "
                    + found.lockedUntil().get().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) + " (UTC). Try again then.");
        }
        if (!matches) {
            restock.inTransaction(h -> {
                SqlStaff.recordFailure(h, found.id(), MAX_FAILED_LOGINS, now.plus(LOCKOUT));
                return null;
            });
            return new Login.Refused("Wrong user name or password.");
        }
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(SESSION_LIFETIME);
        restock.inTransaction(h -> {
            SqlStaff.recordSuccess(h, found.id());
            SqlStaff.insertSession(h, KeySecret.sha256(token), found.id(), csrf, now, expires);
            return null;
        });
        return new Login.SignedIn(found.username(), token, csrf, expires);
    }

    public Optional<StaffSession> session(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty() || sessionToken.length() > 100) {
            return Optional.empty();
        }
        return restock.read(h -> SqlStaff.liveSession(h, KeySecret.sha256(sessionToken), clock.instant()))
                .map(s -> new StaffSession(s.username(), s.csrfToken(), s.expiresAt()));
    }

    public void logout(String sessionToken) {
        if (sessionToken != null && !sessionToken.isEmpty() && sessionToken.length() <= 100) {
            restock.inTransaction(h -> {
                SqlStaff.endSession(h, KeySecret.sha256(sessionToken), clock.instant());
                return null;
            });
        }
    }

    static String requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInput("username", "a user name is 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return username;
    }

    private String generatePassword() {
        byte[] bytes = new byte[GENERATED_PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String randomToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
