package cn.rescueforce.kit.bulk;

/** How a commit treats rows with problems (the contract's ImportMode). */
public enum ImportMode {
    /** one row with a problem and nothing is applied; otherwise every row, in one transaction */
    ALL_OR_NOTHING,
    /** the rows without a problem are applied, the others reported */
    VALID_ROWS
}
