package org.smarthall.grade.kmeans.internal;

/**
 * z-scores over the fitted population: (x - mean) / sd per column, the standard deviation with
 * divisor n (as scikit-learn's StandardScaler). Missing values ({@link Double#NaN}) take no part
 * in the means and sds and stay NaN.
 *
 * @param means per column
 * @param sds   per column, all above 0
 */
public record Standardiser(double[] means, double[] sds) {

    /**
     * Means and sds of the columns of {@code rows}.
     *
     * @param names column names for the message
     * @throws IllegalArgumentException naming a column without values or without spread
     */
    public static Standardiser fit(double[][] rows, int columns, String[] names) {
        double[] means = new double[columns];
        double[] sds = new double[columns];
        for (int j = 0; j < columns; j++) {
            // two passes: the one-pass formula loses digits on columns like account age
            long n = 0;
            double sum = 0;
            double first = Double.NaN;
            for (double[] row : rows) {
                if (!Double.isNaN(row[j])) {
                    first = n == 0 ? row[j] : first;
                    n++;
                    sum += row[j];
                }
            }
            if (n == 0) {
                throw new IllegalArgumentException(names[j] + " is missing for every customer");
            }
            double mean = sum / n;
            double squares = 0;
            for (double[] row : rows) {
                if (!Double.isNaN(row[j])) {
                    double d = row[j] - mean;
                    squares += d * d;
                }
            }
            double sd = Math.sqrt(squares / n);
            if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
                throw new IllegalArgumentException(names[j] + " has the same value (" + first + ") for every customer"
                        + " that has it: nothing to cluster on");
            }
            means[j] = mean;
            sds[j] = sd;
        }
        return new Standardiser(means, sds);
    }

    public double z(int column, double x) {
        return (x - means[column]) / sds[column];
    }

    public double original(int column, double z) {
        return means[column] + z * sds[column];
    }

    /** A new array of the z-scores of the first {@code means.length} values of {@code row}. */
    public double[] apply(double[] row) {
        double[] z = new double[means.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = z(j, row[j]);
        }
        return z;
    }
}
