package majortom.error;

/**
 * Who can fix a failed command, which decides how major-tom answers it.
 */
public enum Fault {
    /** The command was mistyped; the caller can retype it. */
    USAGE,
    /** The command names a repo, project, stage or service that the configuration does not have. */
    UNKNOWN_TARGET,
    /** The command is understood but not allowed, or the target file cannot take the change. */
    REFUSED,
    /** Someone else kept changing the same file; nothing was written. */
    CONFLICT,
    /** GitHub (or another upstream) failed or refused; nothing was written. */
    UPSTREAM;

    /** Whether the sender's input was at fault, so that showing the command's usage helps. */
    public boolean showsUsage() {
        return switch (this) {
            case USAGE, UNKNOWN_TARGET, REFUSED -> true;
            case CONFLICT, UPSTREAM -> false;
        };
    }
}
