package org.parrotscope.spark;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Spark results as Tablesaw tables, for notebooks: a job's shard outcomes, a small query result, and a cell by
 * cell comparison of two tables of numbers (the Spark job against the single-machine pipeline).
 */
public final class SparkTables {

    /** Column of {@link #compare}: whether the two cells agree. */
    public static final String EQUAL = "equal";

    private SparkTables() {}

    /**
     * @param outcomes the outcome of each shard of a job
     * @return shard, state, rows, failed and dropped samples, seconds, reason
     */
    public static Table outcomes(List<ShardOutcome> outcomes) {
        Table t = Table.create(
                "shards",
                StringColumn.create("shard"),
                StringColumn.create("state"),
                LongColumn.create("rows"),
                LongColumn.create("failed_samples"),
                LongColumn.create("dropped_samples"),
                DoubleColumn.create("seconds"),
                StringColumn.create("reason"));
        for (ShardOutcome o : outcomes) {
            t.stringColumn(0).append(o.shard());
            t.stringColumn(1).append(o.state().name().toLowerCase(Locale.ROOT));
            t.longColumn(2).append(o.rows());
            t.longColumn(3).append(o.failedSamples());
            t.longColumn(4).append(o.droppedSamples());
            t.doubleColumn(5).append(o.seconds());
            t.stringColumn(6).append(o.reason() == null ? "" : o.reason());
        }
        return t;
    }

    /**
     * Collects a small query result (every value as text, nulls empty) into a table.
     *
     * @param rows the result; collected to the driver
     * @param name the table name
     * @return one string column per result column
     */
    public static Table of(Dataset<Row> rows, String name) {
        Table t = Table.create(name);
        StructField[] fields = rows.schema().fields();
        for (StructField f : fields) {
            t.addColumns(StringColumn.create(f.name()));
        }
        for (Row r : rows.collectAsList()) {
            for (int i = 0; i < fields.length; i++) {
                t.stringColumn(i).append(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
            }
        }
        return t;
    }

    /**
     * Compares two tables with the same first (label) column and numeric other columns, cell by cell; doubles
     * agree within {@code tolerance} relative to their size (sums over partitions are added in another order).
     *
     * @param expected the reference, e.g. the single-machine Table 1
     * @param actual the table to check
     * @param tolerance the relative tolerance
     * @return one row per cell: row label, column, expected, actual, equal
     * @throws IllegalArgumentException when the shapes or labels differ
     */
    public static Table compare(Table expected, Table actual, double tolerance) {
        if (!expected.columnNames().equals(actual.columnNames()) || expected.rowCount() != actual.rowCount()) {
            throw new IllegalArgumentException("the tables differ in shape: " + expected.columnNames() + " x "
                    + expected.rowCount() + " against " + actual.columnNames() + " x " + actual.rowCount());
        }
        Table t = Table.create(
                "comparison",
                StringColumn.create("row"),
                StringColumn.create("column"),
                DoubleColumn.create("expected"),
                DoubleColumn.create("actual"),
                BooleanColumn.create(EQUAL));
        for (int r = 0; r < expected.rowCount(); r++) {
            String label = expected.getString(r, 0);
            if (!label.equals(actual.getString(r, 0))) {
                throw new IllegalArgumentException("row " + r + " is " + label + " against " + actual.getString(r, 0));
            }
            for (int c = 1; c < expected.columnCount(); c++) {
                double e = value(expected, c, r);
                double a = value(actual, c, r);
                boolean same =
                        Double.isNaN(e) ? Double.isNaN(a) : Math.abs(e - a) <= tolerance * Math.max(1, Math.abs(e));
                t.stringColumn(0).append(label);
                t.stringColumn(1).append(expected.column(c).name());
                t.doubleColumn(2).append(e);
                t.doubleColumn(3).append(a);
                t.booleanColumn(4).append(same);
            }
        }
        return t;
    }

    /** A numeric cell, NaN where it is missing (Tablesaw gives null for a missing number). */
    private static double value(Table t, int column, int row) {
        Object v = t.column(column).get(row);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    /**
     * @param comparison a table from {@link #compare}
     * @return true when every cell agrees
     */
    public static boolean allEqual(Table comparison) {
        return comparison.booleanColumn(EQUAL).countFalse() == 0;
    }
}
