package restock.store;

import java.nio.file.Path;

/** Another Restock process serves this data folder; the message names its pid and what to do. */
public final class DataFolderInUse extends RuntimeException {
    private final long ownerPid;

    DataFolderInUse(Path dataDirectory, long ownerPid, String detail) {
        super(dataDirectory.toAbsolutePath().normalize() + " is already served by Restock pid " + ownerPid + detail
                + ". Stop that server first (kill " + ownerPid + "), or give this one another --data-dir. "
                + "Commands such as plan, import, export and report work beside it through its database.");
        this.ownerPid = ownerPid;
    }

    public long ownerPid() {
        return ownerPid;
    }
}
