package io.eltm.shim.cli;

/** Quotes a word for a POSIX shell, so that a printed command line can be pasted as it is. */
final class ShellQuote {

    private ShellQuote() {
    }

    static String quote(String word) {
        return word.matches("[A-Za-z0-9_./=:,+@%-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
