package restock.forecast;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolynomialsTest {
    /** Coefficients (index = power) of the product of (z - root) over the given real roots. */
    private static double[] withRoots(double... roots) {
        double[] c = {1};
        for (double root : roots) {
            double[] next = new double[c.length + 1];
            for (int i = 0; i < c.length; i++) {
                next[i + 1] += c[i];
                next[i] -= root * c[i];
            }
            c = next;
        }
        return c;
    }

    @Test
    void roots_inside_the_radius_pass_and_one_outside_fails() {
        assertThat(Polynomials.rootsWithin(withRoots(0.5, -0.9, 0.2, 0.99), 1)).isTrue();
        assertThat(Polynomials.rootsWithin(withRoots(0.5, -0.9, 1.01), 1)).isFalse();
        assertThat(Polynomials.rootsWithin(withRoots(0.5, -1.2), 1)).isFalse();
        assertThat(Polynomials.rootsWithin(withRoots(0.5, 1.05), 1.1)).isTrue();
        // complex pair 0.6 +- 0.9i has modulus 1.08: z^2 - 1.2 z + 1.17
        assertThat(Polynomials.rootsWithin(new double[] {1.17, -1.2, 1}, 1)).isFalse();
        assertThat(Polynomials.rootsWithin(new double[] {1.17, -1.2, 1}, 1.1)).isTrue();
    }

    @Test
    void deflating_the_unit_root_leaves_the_other_roots() {
        double[] p = withRoots(1, 0.5, -0.25);
        double[] q = Polynomials.deflateUnitRoot(p, new double[p.length]);
        double[] expected = withRoots(0.5, -0.25);
        for (int i = 0; i < expected.length; i++) {
            assertThat(q[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-15));
        }
        assertThat(q[p.length - 1]).isZero();
        assertThat(Polynomials.rootsWithin(q, new double[q.length], 1)).isTrue();
    }
}
