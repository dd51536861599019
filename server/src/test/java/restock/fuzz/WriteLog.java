package restock.fuzz;

import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Records every committed row write in the schema under test, by table, with a trigger on each table: a refused
 * request must leave no entry (its transaction rolled back), and an entry names what it changed. Cheaper and
 * more exact than comparing snapshots: rolled-back writes leave nothing, a committed write of equal values
 * still shows.
 */
final class WriteLog {
    /**
     * Tables a refused request may write by design: a wrong discount code is recorded as a failed attempt so
     * guessing codes is rate-limited (Offers.redeem), whatever the order's answer.
     */
    static final Set<String> WRITTEN_BY_DESIGN_ON_REFUSAL = Set.of("redemption_attempts", "flyway_schema_history", "fuzz_write_log");

    private final Jdbi jdbi;
    private long seen;

    WriteLog(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.useHandle(h -> {
            h.execute("create table fuzz_write_log (id bigserial primary key, table_name text not null, operation text not null)");
            h.execute("""
                    create function fuzz_log_write() returns trigger language plpgsql as $$
                    begin
                        insert into fuzz_write_log (table_name, operation) values (tg_table_name, tg_op);
                        return null;
                    end $$""");
            List<String> tables = h.createQuery("""
                            select table_name from information_schema.tables
                            where table_schema = current_schema() and table_type = 'BASE TABLE'""")
                    .mapTo(String.class).list();
            for (String table : tables) {
                if (!WRITTEN_BY_DESIGN_ON_REFUSAL.contains(table)) {
                    h.execute("create trigger fuzz_log_write after insert or update or delete on " + table
                            + " for each row execute function fuzz_log_write()");
                }
            }
        });
    }

    /** The tables written (and committed) since the last call. */
    synchronized Set<String> writtenSinceLastCall() {
        List<Object[]> rows = jdbi.withHandle(h -> h.createQuery("select id, table_name from fuzz_write_log where id > :seen order by id")
                .bind("seen", seen).map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getString("table_name")}).list());
        Set<String> tables = new TreeSet<>();
        for (Object[] row : rows) {
            seen = Math.max(seen, (Long) row[0]);
            tables.add((String) row[1]);
        }
        return tables;
    }
}
