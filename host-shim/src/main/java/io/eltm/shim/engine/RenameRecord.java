package io.eltm.shim.engine;

/**
 * One rename of the swap or of its undo, journaled before it is made (write-ahead): the file system
 * then tells whether it happened, since a rename is atomic and its target never exists beforehand.
 *
 * @param from   absolute source path; null in the record that a swap rename was never made
 * @param to     absolute target path; null likewise
 * @param undoes for an undo, the index in the journal's rename list of the rename it takes back; -1 for a swap rename
 */
public record RenameRecord(String from, String to, int undoes) {

    public static RenameRecord swap(String from, String to) {
        return new RenameRecord(from, to, -1);
    }

    /** Records that the swap rename at {@code index} was journaled but never made: nothing to take back. */
    public static RenameRecord neverMade(int index) {
        return new RenameRecord(null, null, index);
    }

    public boolean isUndo() {
        return undoes >= 0;
    }

    public boolean made() {
        return from != null;
    }
}
