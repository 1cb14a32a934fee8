package org.sparsepocket.table;

import java.util.ArrayList;
import java.util.List;

import org.sparsepocket.ComplexPrediction;
import org.sparsepocket.Prediction;
import org.sparsepocket.pockets.DockingBox;
import org.sparsepocket.pockets.Point3;
import org.sparsepocket.pockets.Pocket;
import org.sparsepocket.structure.Atom;
import org.sparsepocket.structure.Complex;
import org.sparsepocket.structure.ResidueId;
import org.sparsepocket.structure.Structure;

/**
 * A small prediction with known numbers, for checking the table mapping value by value: chain A with
 * SER 10, HIS 11, GLY 11A (insertion code), LYS 12 and a modified residue MSE 13; two pockets.
 */
final class HandBuiltPrediction {

    static final ResidueId SER10 = new ResidueId("A", 10, ' ', "SER");
    static final ResidueId HIS11 = new ResidueId("A", 11, ' ', "HIS");
    static final ResidueId GLY11A = new ResidueId("A", 11, 'A', "GLY");
    static final ResidueId LYS12 = new ResidueId("A", 12, ' ', "LYS");
    static final ResidueId MSE13 = new ResidueId("A", 13, ' ', "MSE");

    static final List<Atom> ATOMS = List.of(
            new Atom(1, "N", "N", SER10, 1.0, 2.0, 3.0, 1.0, 10.0),
            new Atom(2, "CA", "C", SER10, 2.0, 2.0, 3.0, 1.0, 10.0),
            new Atom(3, "OG", "O", SER10, 3.0, 2.0, 3.0, 1.0, 10.0),
            new Atom(4, "NE2", "N", HIS11, 4.0, 2.0, 3.0, 1.0, 10.0),
            new Atom(5, "CA", "C", GLY11A, -5.5, 12.25, -0.125, 0.5, 10.0),
            new Atom(6, "NZ", "N", LYS12, 20.0, 20.0, 20.0, 1.0, 10.0),
            new Atom(7, "SE", "Se", MSE13, 21.0, 20.0, 20.0, 1.0, 10.0));

    static final float[] PROBABILITIES = {0.9f, 0.7f, 0.8f, 0.6f, 0.1f, 0.5f, 0.25f};

    static Prediction prediction(String name) {
        Structure s = new Structure(name, ATOMS, List.of(), List.of());
        Complex c = new Complex(name, List.of("A"), ATOMS, List.of());
        return new Prediction(s, List.of(new ComplexPrediction(c, PROBABILITIES, pockets())));
    }

    static List<Pocket> pockets() {
        var p1 = new Pocket(1, 2.5, 0.75, 0.9, new Point3(2.5, 2.0, 3.0),
                ATOMS.subList(0, 4), new int[] {0, 1, 2, 3}, List.of(SER10, HIS11),
                new DockingBox(new Point3(2.5, 2.0, 3.0), 11.0, 8.0, 8.5), 6.5);
        var p2 = new Pocket(2, 0.8, 0.375, 0.5, new Point3(20.5, 20.0, 20.0),
                ATOMS.subList(5, 7), new int[] {5, 6}, List.of(LYS12, MSE13, SER10),
                new DockingBox(new Point3(20.5, 20.0, 20.0), 9.0, 8.0, 8.0), 4.5);
        return List.of(p1, p2);
    }

    /** The same structure split into two one-chain complexes, each with its own pockets. */
    static Prediction twoComplexes(String name, double scoreA, double scoreB) {
        var atoms = new ArrayList<Atom>();
        ResidueId a = new ResidueId("A", 1, ' ', "ALA");
        ResidueId b = new ResidueId("B", 1, ' ', "ALA");
        atoms.add(new Atom(1, "CA", "C", a, 0, 0, 0, 1, 0));
        atoms.add(new Atom(2, "CA", "C", b, 10, 0, 0, 1, 0));
        Structure s = new Structure(name, atoms, List.of(), List.of());
        Complex ca = new Complex(name + "_A", List.of("A"), atoms.subList(0, 1), List.of());
        Complex cb = new Complex(name + "_B", List.of("B"), atoms.subList(1, 2), List.of());
        Pocket pa = new Pocket(1, scoreA, 0.9, 0.9, new Point3(0, 0, 0), atoms.subList(0, 1), new int[] {0},
                List.of(a), new DockingBox(new Point3(0, 0, 0), 8, 8, 8), 4);
        Pocket pb = new Pocket(1, scoreB, 0.8, 0.8, new Point3(10, 0, 0), atoms.subList(1, 2), new int[] {0},
                List.of(b), new DockingBox(new Point3(10, 0, 0), 9, 9, 9), 5);
        return new Prediction(s, List.of(new ComplexPrediction(ca, new float[] {0.9f}, List.of(pa)),
                new ComplexPrediction(cb, new float[] {0.8f}, List.of(pb))));
    }

    private HandBuiltPrediction() {
    }
}
