package org.sparsepocket.eval;

import java.util.List;

/**
 * Fits the weights of a linear ranking score by a ridge-regularised conditional logit (a per-group
 * softmax): for each group (one protein's pockets), the probability that a hit ranks first is
 * Σ<sub>hits</sub> e<sup>s</sup> / Σ<sub>all</sub> e<sup>s</sup>, s = w·x, and the fit maximises the
 * sum of its logarithms minus λ/2 |w|² over the descriptors standardised to mean 0 and deviation 1 (so λ
 * treats every descriptor alike). Groups with no hit or only hits say nothing about ranking and drop out.
 *
 * <p>Newton's method with the Hessian of the convex part (the covariance of x under the softmax over all
 * pockets, plus λ) and a backtracking line search, so every step decreases the loss even when a group has
 * several hits (the loss is then not convex). Eight descriptors and a few hundred groups: milliseconds.
 */
public final class RankingFit {

    /**
     * One group: its rows' descriptors and whether each row is a hit.
     *
     * @param x   one descriptor vector per row, all of the same length
     * @param hit per row, whether it is a hit
     */
    public record Group(double[][] x, boolean[] hit) {
        public Group {
            if (x.length != hit.length) {
                throw new IllegalArgumentException(x.length + " rows but " + hit.length + " labels");
            }
        }

        boolean informative() {
            boolean any = false, all = true;
            for (boolean h : hit) {
                any |= h;
                all &= h;
            }
            return any && !all;
        }
    }

    private static final int MAX_ITERATIONS = 200;

    private RankingFit() {
    }

    /**
     * The weights on the descriptors' own scales (a descriptor that is constant over all rows gets 0).
     *
     * @param groups      the training groups
     * @param descriptors the length of every row
     * @param ridge       λ ≥ 0, the penalty on the standardised weights
     */
    public static double[] fit(List<Group> groups, int descriptors, double ridge) {
        if (!(ridge >= 0)) {
            throw new IllegalArgumentException("ridge penalty must be ≥ 0, got " + ridge);
        }
        int d = descriptors;
        double[] mean = new double[d], sd = new double[d];
        long rows = 0;
        for (Group g : groups) {
            for (double[] r : g.x()) {
                if (r.length != d) {
                    throw new IllegalArgumentException("a row has " + r.length + " descriptors, expected " + d);
                }
                for (int k = 0; k < d; k++) {
                    mean[k] += r[k];
                }
                rows++;
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= Math.max(1, rows);
        }
        for (Group g : groups) {
            for (double[] r : g.x()) {
                for (int k = 0; k < d; k++) {
                    sd[k] += (r[k] - mean[k]) * (r[k] - mean[k]);
                }
            }
        }
        for (int k = 0; k < d; k++) {
            sd[k] = Math.sqrt(sd[k] / Math.max(1, rows));
        }
        List<double[][]> zs = new java.util.ArrayList<>();
        List<boolean[]> hits = new java.util.ArrayList<>();
        for (Group g : groups) {
            if (!g.informative()) {
                continue;
            }
            double[][] z = new double[g.x().length][d];
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < d; k++) {
                    z[i][k] = sd[k] > 1e-12 ? (g.x()[i][k] - mean[k]) / sd[k] : 0;
                }
            }
            zs.add(z);
            hits.add(g.hit());
        }
        double[] w = new double[d];
        double loss = loss(zs, hits, w, ridge, null, null);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            loss(zs, hits, w, ridge, grad, hess);
            double gmax = 0;
            for (double g : grad) {
                gmax = Math.max(gmax, Math.abs(g));
            }
            if (gmax < 1e-9) {
                break;
            }
            double[] step = solve(hess, grad);
            double t = 1;
            double[] next = new double[d];
            double nextLoss;
            do {
                for (int k = 0; k < d; k++) {
                    next[k] = w[k] - t * step[k];
                }
                nextLoss = loss(zs, hits, next, ridge, null, null);
                t /= 2;
            } while (nextLoss > loss && t > 1e-10);
            if (!(nextLoss <= loss)) {
                break;
            }
            boolean converged = loss - nextLoss < 1e-12 * Math.max(1, Math.abs(loss));
            w = next.clone();
            loss = nextLoss;
            if (converged) {
                break;
            }
        }
        double[] raw = new double[d];
        for (int k = 0; k < d; k++) {
            raw[k] = sd[k] > 1e-12 ? w[k] / sd[k] : 0;
        }
        return raw;
    }

    /**
     * The negative penalised log-likelihood at {@code w}; when {@code grad} and {@code hess} are given, also
     * its gradient and the convex part's Hessian (Σ Cov<sub>softmax</sub>(x) + λI).
     */
    private static double loss(List<double[][]> zs, List<boolean[]> hits, double[] w, double ridge, double[] grad,
                               double[][] hess) {
        int d = w.length;
        double total = 0;
        for (int k = 0; k < d; k++) {
            total += ridge / 2 * w[k] * w[k];
            if (grad != null) {
                grad[k] += ridge * w[k];
                hess[k][k] += ridge;
            }
        }
        for (int g = 0; g < zs.size(); g++) {
            double[][] z = zs.get(g);
            boolean[] h = hits.get(g);
            double[] s = new double[z.length];
            double top = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < d; k++) {
                    s[i] += w[k] * z[i][k];
                }
                top = Math.max(top, s[i]);
            }
            double all = 0, hit = 0;
            double[] e = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                e[i] = Math.exp(s[i] - top);
                all += e[i];
                if (h[i]) {
                    hit += e[i];
                }
            }
            total += Math.log(all) - Math.log(hit);
            if (grad == null) {
                continue;
            }
            double[] meanAll = new double[d], meanHit = new double[d];
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < d; k++) {
                    meanAll[k] += e[i] / all * z[i][k];
                    if (h[i]) {
                        meanHit[k] += e[i] / hit * z[i][k];
                    }
                }
            }
            for (int k = 0; k < d; k++) {
                grad[k] += meanAll[k] - meanHit[k];
            }
            for (int i = 0; i < z.length; i++) {
                double p = e[i] / all;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        hess[a][b] += p * (z[i][a] - meanAll[a]) * (z[i][b] - meanAll[b]);
                    }
                }
            }
        }
        return total;
    }

    /** Solves H x = g for a symmetric positive definite H (Cholesky); a tiny jitter guards λ = 0. */
    private static double[] solve(double[][] h, double[] g) {
        int d = g.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = h[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(s, 1e-10));
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = g[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < d; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
