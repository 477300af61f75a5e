package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.security.ManagementLevel;

import java.util.List;

/**
 * One kind of bulk file a service imports and exports (one @ApplicationScoped bean per kind, in the service's
 * {@code bulk} package): its columns, and each row mapped onto the service's own single-item operation, so an
 * imported row obeys exactly the rules (validation, scope, audit, change feed) of the request it stands for.
 */
public interface BulkKind {

    /** The kind's name in the paths ({@code /api/v1/bulk/{kind}/...}), e.g. {@code members}. */
    String kind();

    Template template();

    /** The levels that may import this kind (403 for the others); the scope of each row is the service's rule. */
    List<ManagementLevel> importers();

    /**
     * Applies one row through the service's single-item operation, as the job's caller (the request context acts as
     * them). A ProblemException names what is wrong with the row; it rolls back the row's transaction.
     */
    void apply(ImportRow row);

    /**
     * What makes a row the same as an earlier row of the same file (a credit code, an ID number), or null: the second
     * such row is reported, as the single-item operation would refuse it once the first is applied.
     */
    default String duplicateKey(ImportRow row) {
        return null;
    }

    /** The levels that may export this kind (403 for the others), each within its scope. */
    List<ManagementLevel> exporters();

    /**
     * The kind's rows within the caller's scope, as its read API shows them (personal data masked). The scope is
     * decided when this is called, in the request; the rows are written later, while the response streams, a page
     * per query (the header row is written before them).
     */
    Export export();

    @FunctionalInterface
    interface Export {
        void writeTo(SheetWriter out);
    }
}
