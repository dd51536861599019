package restock.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks a command's {@code --out} before it does any work: a plan or a forecast computed in full and then lost to a
 * path that cannot be written, with a stack trace for a message, is what an outside check found.
 */
final class OutputPaths {
    private OutputPaths() {
    }

    /** Why no file can be written at {@code out} (a folder is there, or no folder to put it in), or empty. */
    static Optional<String> fileProblem(Path out, String exampleName) {
        if (Files.isDirectory(out)) {
            return Optional.of("--out " + out + " is a folder; give a file to write, such as " + out.resolve(exampleName));
        }
        Path folder = out.toAbsolutePath().getParent(); // not null: only the root has none, and it is a folder
        if (!Files.isDirectory(folder)) {
            return Optional.of("--out " + out + ": there is no folder " + (out.getParent() == null ? folder : out.getParent())
                    + " to write it in; make the folder first or give a file in one that exists");
        }
        if (!Files.isWritable(folder)) {
            return Optional.of("--out " + out + ": the folder " + folder + " may not be written to");
        }
        return Optional.empty();
    }

    /**
     * Why {@code out} cannot be the folder that {@code command} writes {@code what} into (a file is there, or where
     * one of the folders to make would go), or empty. Folders that do not exist yet are made.
     */
    static Optional<String> folderProblem(Path out, String command, String what) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            return Optional.of("--out " + out + " is a file; " + command + " writes " + what + " into a folder: give a folder");
        }
        for (Path above = out.toAbsolutePath().getParent(); above != null; above = above.getParent()) {
            if (Files.exists(above)) {
                return Files.isDirectory(above) ? Optional.empty()
                        : Optional.of("--out " + out + ": " + above + " is a file, so no folder can be made there; give a folder");
            }
        }
        return Optional.empty();
    }
}
