package restock.catalog;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the existing supplier a mistyped name most likely meant, to suggest it when the name is refused. */
public final class SupplierNames {
    /** At most this many edits (a letter added, dropped or changed) separate a suggestion from the typed name. */
    public static final int MAX_SUGGESTION_EDITS = 3;
    /** Below four characters a name has no room for a typo worth guessing at; from there one edit per four letters. */
    private static final int LETTERS_PER_EDIT = 4;

    private SupplierNames() {
    }

    /**
     * The closest name within the allowed edits (ignoring case), the first one on a tie; else a name that is the typed
     * one with words added at its end or taken from it; empty when none is close.
     */
    public static Optional<String> closest(String typed, Collection<String> names) {
        String wanted = typed.strip().toLowerCase(Locale.ROOT);
        int allowed = Math.min(MAX_SUGGESTION_EDITS, wanted.length() / LETTERS_PER_EDIT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int distance = editDistance(wanted, name.strip().toLowerCase(Locale.ROOT));
            if (distance <= allowed && distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        if (best == null) {
            // A name given without the words that end the real one ("Yiwu Trading" for "Yiwu Trading Ltd"), or with some.
            best = names.stream().filter(name -> {
                String known = name.strip().toLowerCase(Locale.ROOT);
                return !wanted.isEmpty() && (known.startsWith(wanted + " ") || wanted.startsWith(known + " "));
            }).findFirst().orElse(null);
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance: the fewest single-letter insertions, deletions and substitutions from one to the other. */
    static int editDistance(String from, String to) {
        int[] previous = new int[to.length() + 1];
        int[] current = new int[to.length() + 1];
        for (int j = 0; j <= to.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= from.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= to.length(); j++) {
                int substitution = previous[j - 1] + (from.charAt(i - 1) == to.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[to.length()];
    }
}
