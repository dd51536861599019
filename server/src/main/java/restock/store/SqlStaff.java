package restock.store;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Staff users and their console sessions; sessions are found by the SHA-256 of their cookie. */
public final class SqlStaff {
    private SqlStaff() {
    }

    /** A user row as stored, with the password hash the login checks against. */
    public record User(long id, String username, String passwordHash, Instant createdAt, int failedLogins, Optional<Instant> lockedUntil) {
    }

    /** A session that has not ended, with its user. */
    public record Session(long userId, String username, String csrfToken, Instant expiresAt) {
    }

    /** Makes other first starts wait until this one has looked for users and made the first. */
    public static void lockForBootstrap(Handle handle) {
        handle.execute("lock table staff_users in share row exclusive mode");
    }

    public static boolean anyUser(Handle handle) {
        return handle.createQuery("select exists (select 1 from staff_users)").mapTo(Boolean.class).one();
    }

    /** Inserts a user; false when the name is taken. */
    public static boolean insert(Handle handle, String username, String passwordHash, String createdBy, Instant now) {
        return handle.createUpdate("""
                        insert into staff_users (username, password_hash, created_at, created_by) values (:name, :hash, :at, :by)
                        on conflict (username) do nothing""")
                .bind("name", username).bind("hash", passwordHash).bind("at", SqlPurchasing.utc(now)).bind("by", createdBy)
                .execute() == 1;
    }

    public static Optional<User> find(Handle handle, String username) {
        return handle.createQuery("select * from staff_users where username = :name").bind("name", username)
                .map((rs, ctx) -> user(rs)).findOne();
    }

    public static List<String> usernames(Handle handle) {
        return handle.createQuery("select username from staff_users order by username").mapTo(String.class).list();
    }

    public static void setPassword(Handle handle, long userId, String passwordHash) {
        handle.createUpdate("update staff_users set password_hash = :hash, failed_logins = 0, locked_until = null where id = :id")
                .bind("hash", passwordHash).bind("id", userId).execute();
    }

    /** Counts a failed login; locks the user until the given moment once the count reaches the limit. */
    public static void recordFailure(Handle handle, long userId, int limit, Instant lockUntil) {
        handle.createUpdate("""
                        update staff_users set failed_logins = failed_logins + 1,
                               locked_until = case when failed_logins + 1 >= :limit then :until else locked_until end
                        where id = :id""")
                .bind("limit", limit).bind("until", SqlPurchasing.utc(lockUntil)).bind("id", userId).execute();
    }

    public static void recordSuccess(Handle handle, long userId) {
        handle.createUpdate("update staff_users set failed_logins = 0, locked_until = null where id = :id").bind("id", userId).execute();
    }

    public static void insertSession(Handle handle, byte[] tokenSha256, long userId, String csrfToken, Instant now, Instant expiresAt) {
        handle.createUpdate("""
                        insert into staff_sessions (token_sha256, user_id, csrf_token, created_at, expires_at)
                        values (:token, :user, :csrf, :at, :expires)""")
                .bind("token", tokenSha256).bind("user", userId).bind("csrf", csrfToken).bind("at", SqlPurchasing.utc(now))
                .bind("expires", SqlPurchasing.utc(expiresAt)).execute();
    }

    /** The session with this cookie hash, if it has neither ended nor expired at the moment given. */
    public static Optional<Session> liveSession(Handle handle, byte[] tokenSha256, Instant now) {
        return handle.createQuery("""
                        select s.user_id, u.username, s.csrf_token, s.expires_at from staff_sessions s join staff_users u on u.id = s.user_id
                        where s.token_sha256 = :token and s.ended_at is null and s.expires_at > :now""")
                .bind("token", tokenSha256).bind("now", SqlPurchasing.utc(now))
                .map((rs, ctx) -> new Session(rs.getLong("user_id"), rs.getString("username"), rs.getString("csrf_token"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    public static void endSession(Handle handle, byte[] tokenSha256, Instant now) {
        handle.createUpdate("update staff_sessions set ended_at = :at where token_sha256 = :token and ended_at is null")
                .bind("at", SqlPurchasing.utc(now)).bind("token", tokenSha256).execute();
    }

    /** Ends every session of a user (a changed password signs them out everywhere). */
    public static void endSessionsOf(Handle handle, long userId, Instant now) {
        handle.createUpdate("update staff_sessions set ended_at = :at where user_id = :id and ended_at is null")
                .bind("at", SqlPurchasing.utc(now)).bind("id", userId).execute();
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getInt("failed_logins"),
                Optional.ofNullable(rs.getObject("locked_until", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
    }
}
