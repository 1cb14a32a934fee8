package org.sparsepocket.features;

import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IBond;

/**
 * Gasteiger–Marsili partial charges (partial equalization of orbital electronegativity, PEOE;
 * J. Gasteiger and M. Marsili, Tetrahedron 36:3219, 1980): six rounds of charge flow along the bonds,
 * damped by 1/2 each round, starting from the formal charges, with each atom's orbital
 * electronegativity {@code a + b q + c q²} chosen by element and hybridization.
 *
 * <p>Written here rather than taken from CDK because CDK's {@code GasteigerMarsiliPartialCharges}
 * starts every atom at charge 0 (so lysine's NH3+ or histidine's imidazolium end up neutral) and picks
 * parameters by maximum bond order rather than hybridization. The parameter sets are the ones Open
 * Babel uses (whose charges the published features are), including its separate sets for ammonium N,
 * planar/amide N and sulfur bearing two or more terminal oxygens.
 */
final class GasteigerCharges {

    private static final int ITERATIONS = 6;
    private static final double DAMPING = 0.5;
    /** Electronegativity of the hydrogen cation: the paper's special denominator for H. */
    private static final double HYDROGEN_CATION = 20.02;

    private GasteigerCharges() {
    }

    /**
     * Charges of every atom of a molecule with explicit hydrogens.
     *
     * @param mol           the template, atom types perceived
     * @param hybridization per atom, in the feature encoding (1 sp, 2 sp2, 3 sp3, 5, 6)
     * @return the charge of each atom; their sum equals the net formal charge
     * @throws IllegalArgumentException for an element without parameters
     */
    static double[] compute(IAtomContainer mol, int[] hybridization) {
        int n = mol.getAtomCount();
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        double[] cation = new double[n];
        double[] q = startingCharges(mol, hybridization);
        for (int i = 0; i < n; i++) {
            IAtom atom = mol.getAtom(i);
            double[] p = parameters(mol, atom, hybridization[i]);
            a[i] = p[0];
            b[i] = p[1];
            c[i] = p[2];
            cation[i] = atom.getAtomicNumber() == 1 ? HYDROGEN_CATION : p[0] + p[1] + p[2];
        }
        double[] chi = new double[n];
        double alpha = 1;
        for (int round = 0; round < ITERATIONS; round++) {
            alpha *= DAMPING;
            for (int i = 0; i < n; i++) {
                chi[i] = a[i] + b[i] * q[i] + c[i] * q[i] * q[i];
            }
            for (IBond bond : mol.bonds()) {
                int i = bond.getBegin().getIndex();
                int j = bond.getEnd().getIndex();
                // electrons flow to the more electronegative atom, scaled by the donor's cation electronegativity
                double flow = (chi[j] - chi[i]) / (chi[j] >= chi[i] ? cation[i] : cation[j]);
                q[i] += alpha * flow;
                q[j] -= alpha * flow;
            }
        }
        return q;
    }

    /**
     * The formal charges, except that the charge of a conjugated cation (the =NH2+ of a guanidinium or
     * amidinium, the NH+ of an imidazolium) is shared evenly by its resonance-equivalent nitrogens: the
     * charged N and the single-bonded, three-connected N that share an sp2 carbon neighbour with it.
     * Without this the result would depend on which Kekulé structure the dictionary happens to draw
     * (Open Babel shares the charge the same way).
     */
    private static double[] startingCharges(IAtomContainer mol, int[] hybridization) {
        double[] q = new double[mol.getAtomCount()];
        for (IAtom atom : mol.atoms()) {
            int charge = atom.getFormalCharge();
            if (charge == 0) {
                continue;
            }
            java.util.Set<IAtom> partners = new java.util.LinkedHashSet<>();
            partners.add(atom);
            if (atom.getAtomicNumber() == 7 && hybridization[atom.getIndex()] == 2) {
                for (IAtom carbon : atom.neighbors()) {
                    if (carbon.getAtomicNumber() != 6 || hybridization[carbon.getIndex()] != 2) {
                        continue;
                    }
                    for (IAtom n : carbon.neighbors()) {
                        if (n.getAtomicNumber() == 7 && n.getFormalCharge() == 0 && n.getBondCount() == 3
                                && allSingle(n)) {
                            partners.add(n);
                        }
                    }
                }
            }
            for (IAtom p : partners) {
                q[p.getIndex()] += (double) charge / partners.size();
            }
        }
        return q;
    }

    /** (a, b, c) of the orbital electronegativity a + b q + c q² of one atom. */
    private static double[] parameters(IAtomContainer mol, IAtom atom, int hybridization) {
        int z = atom.getAtomicNumber();
        return switch (z) {
            case 1 -> new double[] {7.17, 6.24, -0.56};
            case 6 -> switch (hybridization) {
                case 1 -> new double[] {10.39, 9.45, 0.73};
                case 2 -> new double[] {8.79, 9.32, 1.51};
                default -> new double[] {7.98, 9.18, 1.88};
            };
            case 7 -> nitrogen(atom, hybridization);
            case 8 -> hybridization == 2 || hybridization == 1
                    ? new double[] {17.07, 13.79, 0.47}
                    : new double[] {14.18, 12.92, 1.39};
            case 9 -> new double[] {14.66, 13.85, 2.31};
            case 15 -> new double[] {8.90, 8.24, 0.96};
            // Se has no parameters of its own anywhere; it is charged as its lighter analogue S
            case 16, 34 -> terminalOxygens(mol, atom) >= 2
                    ? new double[] {12.00, 10.805, 1.195}
                    : new double[] {10.14, 9.13, 1.38};
            case 17 -> new double[] {11.00, 9.69, 1.35};
            case 35 -> new double[] {10.08, 8.47, 1.16};
            case 53 -> new double[] {9.90, 7.96, 0.96};
            default -> throw new IllegalArgumentException("no Gasteiger parameters for element "
                    + atom.getSymbol());
        };
    }

    private static double[] nitrogen(IAtom atom, int hybridization) {
        if (hybridization == 1) {
            return new double[] {15.68, 11.70, -0.27};
        }
        if (hybridization == 2) {
            // trigonal planar / amide N (three sigma bonds, lone pair conjugated) has its own set, except
            // in a guanidine, whose three N Open Babel gives the ordinary sp2 set
            boolean planar = !atom.isAromatic() && atom.getBondCount() == 3 && allSingle(atom) && !inGuanidine(atom);
            return planar
                    ? new double[] {12.32, 11.20, 1.34}
                    : new double[] {12.87, 11.15, 0.85};
        }
        if (atom.getBondCount() == 4 || atom.getFormalCharge() != 0) {
            return new double[] {0.0, 11.86, 11.86};      // ammonium N
        }
        return new double[] {11.54, 10.82, 1.36};
    }

    /** Bonded to a carbon that bears three nitrogens. */
    private static boolean inGuanidine(IAtom nitrogen) {
        for (IAtom carbon : nitrogen.neighbors()) {
            if (carbon.getAtomicNumber() != 6) {
                continue;
            }
            int n = 0;
            for (IAtom x : carbon.neighbors()) {
                if (x.getAtomicNumber() == 7) {
                    n++;
                }
            }
            if (n == 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean allSingle(IAtom atom) {
        for (IBond bond : atom.bonds()) {
            if (bond.getOrder() != IBond.Order.SINGLE) {
                return false;
            }
        }
        return true;
    }

    /** Oxygens bonded to this atom and to no other heavy atom. */
    private static int terminalOxygens(IAtomContainer mol, IAtom atom) {
        int count = 0;
        for (IAtom o : atom.neighbors()) {
            if (o.getAtomicNumber() != 8) {
                continue;
            }
            int heavy = 0;
            for (IAtom x : o.neighbors()) {
                if (x.getAtomicNumber() > 1) {
                    heavy++;
                }
            }
            if (heavy == 1) {
                count++;
            }
        }
        return count;
    }
}
