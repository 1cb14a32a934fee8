package org.sparsepocket.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sparsepocket.eval.EvalFixtures.res;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ResidueConfusionTest {

    private final Set<ResidueKey> ten = IntStream.rangeClosed(1, 10).mapToObj(EvalFixtures::res)
            .collect(Collectors.toSet());

    @Test
    void smallExampleComputedByHand() {
        // binding {1,2,3,4}; predicted {3,4,5}: TP = 2 (3,4), FP = 1 (5), FN = 2 (1,2), TN = 5 (6..10)
        ResidueConfusion c = ResidueConfusion.of(ten, Set.of(res(1), res(2), res(3), res(4)),
                Set.of(res(3), res(4), res(5)));
        assertEquals(new ResidueConfusion(2, 1, 2, 5), c);
        assertEquals(2.0 / 3, c.precision(), 1e-12);
        assertEquals(0.5, c.recall(), 1e-12);
        assertEquals(4.0 / 7, c.f1(), 1e-12);                              // 2·(2/3)(1/2)/(2/3+1/2)
        assertEquals(8 / Math.sqrt(3 * 4 * 6 * 7), c.mcc(), 1e-12);        // (2·5−1·2)/√(3·4·6·7)
    }

    @Test
    void predictionsOutsideTheProteinAreIgnored() {
        ResidueConfusion c = ResidueConfusion.of(ten, Set.of(res(1)), Set.of(res(1), res(99)));
        assertEquals(new ResidueConfusion(1, 0, 0, 9), c);
        assertEquals(1.0, c.mcc(), 1e-12);
    }

    @Test
    void noPredictionScoresZeroNotNaN() {
        ResidueConfusion c = ResidueConfusion.of(ten, Set.of(res(1), res(2)), Set.of());
        assertEquals(0, c.precision());
        assertEquals(0, c.recall());
        assertEquals(0, c.f1());
        assertEquals(0, c.mcc());
    }

    @Test
    void perfectlyWrongPredictionHasMccMinusOne() {
        Set<ResidueKey> two = Set.of(res(1), res(2));
        ResidueConfusion c = ResidueConfusion.of(two, Set.of(res(1)), Set.of(res(2)));
        assertEquals(-1.0, c.mcc(), 1e-12);
    }
}
