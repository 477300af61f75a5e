package cn.rescueforce.kit.bulk;

/** Where an import job is; the last three are final. Stable public names (the contract's ImportJobStatus). */
public enum ImportStatus {
    /** uploaded, not yet taken by a worker */
    QUEUED,
    /** every row checked by the single-item rules, nothing changed (a dry run ends after this phase) */
    VALIDATING,
    /** the rows applied */
    APPLYING,
    /** done: a dry run checked every row; a commit applied its rows (VALID_ROWS: the valid ones) */
    COMPLETED,
    /** nothing applied: a header problem, or (ALL_OR_NOTHING) a row with a problem */
    REJECTED,
    /** nothing more applied: the file could not be read as its format */
    FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == FAILED;
    }
}
