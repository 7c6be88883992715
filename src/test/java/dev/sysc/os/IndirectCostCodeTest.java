package dev.sysc.os;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The experiments' generated loops, executed for real. */
class IndirectCostCodeTest {
    @Test
    void frameChainsRunEveryIterationWithAndWithoutTheCrossing() {
        for (int depth : new int[] {1, 2, 3, 16}) {
            for (boolean crossing : new boolean[] {false, true}) {
                try (NativeLoop loop = IndirectCostCode.frames(depth, crossing, ExecutablePages.SYSTEM)) {
                    assertThat(loop.run(1000))
                            .as("depth %d crossing %s", depth, crossing)
                            .isEqualTo(1000);
                }
            }
        }
    }

    @Test
    void aChainIsOneLongerFunctionPerFrame() {
        // Each frame adds its own call and ret; the crossing adds mov eax and syscall.
        int one = codeBytes(1, false);
        int two = codeBytes(2, false);
        int twoCrossing = codeBytes(2, true);
        assertThat(two).isGreaterThan(one);
        assertThat(twoCrossing).isGreaterThan(two);
    }

    private static int codeBytes(int depth, boolean crossing) {
        try (NativeLoop loop = IndirectCostCode.frames(depth, crossing, ExecutablePages.SYSTEM)) {
            return loop.codeBytes();
        }
    }

    @Test
    void rejectsDepthsOutsideTheChainsRange() {
        assertThatThrownBy(() -> IndirectCostCode.frames(0, true, ExecutablePages.SYSTEM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWorkingSetRingVisitsEveryLineOnceAndReturnsToTheStart() {
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(64 * 1024)) {
            Set<Long> seen = new HashSet<>();
            long at = set.address();
            for (int i = 0; i < set.lines(); i++) {
                assertThat(seen.add(at)).isTrue();
                assertThat((at - set.address()) % IndirectCostCode.LINE).isZero();
                at = set.next((int) ((at - set.address()) / IndirectCostCode.LINE));
            }
            assertThat(at).isEqualTo(set.address());
            assertThat(seen).hasSize(1024);
        }
    }

    @Test
    void walksRunWithAndWithoutTheCrossing() {
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(256 * 1024)) {
            for (boolean dependent : new boolean[] {false, true}) {
                for (boolean crossing : new boolean[] {false, true}) {
                    try (NativeLoop loop = IndirectCostCode.walk(set, dependent, crossing, ExecutablePages.SYSTEM)) {
                        assertThat(loop.run(20)).isEqualTo(20);
                    }
                }
            }
        }
    }

    @Test
    void aPassOverALargeSetTouchesAPartAndTheNextPassGoesOnFromThere() {
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(512 * 1024)) {
            assertThat(set.linesPerPass()).isEqualTo(IndirectCostCode.WorkingSet.MAX_LINES_PER_PASS);
            try (NativeLoop sequential = IndirectCostCode.walk(set, false, false, ExecutablePages.SYSTEM)) {
                sequential.run(1);
                assertThat(set.cursorLine(false)).isEqualTo(4096);
                sequential.run(1);
                assertThat(set.cursorLine(false)).isZero();
            }
            try (NativeLoop dependent = IndirectCostCode.walk(set, true, true, ExecutablePages.SYSTEM)) {
                // 4096 steps along the ring from line 0 end where the ring says they end.
                int expected = 0;
                for (int i = 0; i < 4096; i++) {
                    expected = (int) ((set.next(expected) - set.address()) / IndirectCostCode.LINE);
                }
                dependent.run(1);
                assertThat(set.cursorLine(true)).isEqualTo(expected);
            }
        }
        try (IndirectCostCode.WorkingSet small = IndirectCostCode.WorkingSet.of(4096);
                NativeLoop dependent = IndirectCostCode.walk(small, true, false, ExecutablePages.SYSTEM)) {
            dependent.run(3);
            assertThat(small.linesPerPass()).isEqualTo(64);
            assertThat(small.cursorLine(true)).isZero(); // a whole cycle per pass
        }
    }

    @Test
    void theSequentialWalkStepsByTheLargestPowerOfTwoUpTo16ThatDividesTheSet() {
        assertThat(stepOf(4096)).isEqualTo(16);
        assertThat(stepOf(32L << 20)).isEqualTo(16);
        assertThat(stepOf(24 * IndirectCostCode.LINE)).isEqualTo(8);
        assertThat(stepOf(6 * IndirectCostCode.LINE)).isEqualTo(2);
        assertThat(stepOf(7 * IndirectCostCode.LINE)).isEqualTo(1);
    }

    private static int stepOf(long bytes) {
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(bytes)) {
            return set.linesPerStep();
        }
    }

    @Test
    void aSequentialPassThatReachesTheSetsEndGoesOnFromItsStart() {
        // 5120 lines: the second pass of 4096 wraps after 1024 lines and stops 3072 lines into the set.
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(5120L * IndirectCostCode.LINE);
                NativeLoop sequential = IndirectCostCode.walk(set, false, false, ExecutablePages.SYSTEM)) {
            sequential.run(1);
            assertThat(set.cursorLine(false)).isEqualTo(4096);
            sequential.run(1);
            assertThat(set.cursorLine(false)).isEqualTo(3072);
            sequential.run(3);
            assertThat(set.cursorLine(false)).isEqualTo((3072 + 3 * 4096) % 5120);
        }
        // Sets that are not a multiple of the longest step: every pass is still the whole set.
        for (int lines : new int[] {2, 6, 7, 24}) {
            try (IndirectCostCode.WorkingSet set =
                            IndirectCostCode.WorkingSet.of((long) lines * IndirectCostCode.LINE);
                    NativeLoop sequential = IndirectCostCode.walk(set, false, true, ExecutablePages.SYSTEM)) {
                assertThat(sequential.run(5)).isEqualTo(5);
                assertThat(set.cursorLine(false)).as("%d lines", lines).isZero();
            }
        }
    }

    @Test
    void theSequentialAndDependentWalksOfOneSetEachGoOnFromTheirOwnCursor() {
        // The ring leaves its cursor on any line; a sequential pass starting there would step past the
        // set's end (it steps 16 lines at a time and wraps only on a whole step) and run off the mapping.
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(5120L * IndirectCostCode.LINE);
                NativeLoop dependent = IndirectCostCode.walk(set, true, false, ExecutablePages.SYSTEM);
                NativeLoop sequential = IndirectCostCode.walk(set, false, false, ExecutablePages.SYSTEM)) {
            dependent.run(1);
            int ring = set.cursorLine(true);
            assertThat(ring % set.linesPerStep())
                    .as("a ring position off the step grid")
                    .isNotZero();
            assertThat(sequential.run(2)).isEqualTo(2);
            assertThat(set.cursorLine(false)).isEqualTo(3072);
            assertThat(set.cursorLine(true)).isEqualTo(ring);
        }
    }

    @Test
    void everyCrossingRunsBeforeAWalkAndAloneAndWhatItOpenedIsClosedAfter() {
        var before = OpenDescriptors.now();
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(32 * 1024)) {
            for (IndirectCostCode.Crossing c : IndirectCostCode.Crossing.values()) {
                try (Opened opened = new Opened()) {
                    NativeLoop walk = opened.add(IndirectCostCode.walk(set, true, c, ExecutablePages.SYSTEM, opened));
                    // A failing crossing (read, openat, close) would stop the loop early with its errno.
                    assertThat(walk.run(50)).as(c.name()).isEqualTo(50);
                    if (c != IndirectCostCode.Crossing.NONE) {
                        NativeLoop alone = opened.add(IndirectCostCode.crossing(c, ExecutablePages.SYSTEM, opened));
                        assertThat(alone.run(50)).as(c.name()).isEqualTo(50);
                    }
                }
            }
        }
        assertThat(OpenDescriptors.openedSince(before)).isEmpty();
    }

    @Test
    void aWorkingSetIsMappedInSmallPagesWhateverTheSystemsDefault() throws IOException {
        try (IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(4L << 20)) {
            assertThat(vmFlagsOfMappingAt(set.address())).contains("nh");
        }
    }

    /** The VmFlags of the mapping of this process that holds {@code address}, from /proc/self/smaps. */
    private static List<String> vmFlagsOfMappingAt(long address) throws IOException {
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
            if (line.matches("^[0-9a-f]+-[0-9a-f]+ .*")) {
                String[] range = line.substring(0, line.indexOf(' ')).split("-");
                inside = Long.parseUnsignedLong(range[0], 16) <= address
                        && address < Long.parseUnsignedLong(range[1], 16);
            } else if (inside && line.startsWith("VmFlags:")) {
                return List.of(line.substring("VmFlags:".length()).trim().split(" "));
            }
        }
        throw new AssertionError("no mapping holds " + Long.toHexString(address));
    }

    @Test
    void aWorkingSetIsWholeLines() {
        assertThatThrownBy(() -> IndirectCostCode.WorkingSet.of(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWalkKeepsItsWorkingSetReachableUntilItsOpenedIsClosed() throws InterruptedException {
        java.util.List<java.lang.ref.WeakReference<IndirectCostCode.WorkingSet>> seen = new java.util.ArrayList<>();
        Opened opened = new Opened();
        NativeLoop loop = walkOverASetNothingElseHolds(opened, seen);
        try {
            collectUnlessHeld(seen.get(0));
            assertThat(seen.get(0).get())
                    .as("the set, held only through the walk's Opened")
                    .isNotNull();
            assertThat(loop.run(100)).isEqualTo(100);
        } finally {
            loop.close();
            opened.close();
        }
        // The same check lets go once nothing holds the set: it can tell the two cases apart.
        collectUnlessHeld(seen.get(0));
        assertThat(seen.get(0).get())
                .as("the set, once the walk's Opened is closed")
                .isNull();
    }

    /** A walk over a set that only this method's frame refers to, as a caller that drops the set leaves it. */
    private static NativeLoop walkOverASetNothingElseHolds(
            Opened opened, java.util.List<java.lang.ref.WeakReference<IndirectCostCode.WorkingSet>> seen) {
        IndirectCostCode.WorkingSet set = IndirectCostCode.WorkingSet.of(64 * 1024);
        seen.add(new java.lang.ref.WeakReference<>(set));
        return IndirectCostCode.walk(set, true, IndirectCostCode.Crossing.NONE, ExecutablePages.SYSTEM, opened);
    }

    private static void collectUnlessHeld(java.lang.ref.WeakReference<?> ref) throws InterruptedException {
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
    }
}
