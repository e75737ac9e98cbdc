package io.hawkbit.server.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.server.artifact.ArtifactRanges.Part;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ArtifactRangesTest {

    private static final long SIZE = 1000;

    @Test
    void parts_singleRangeClampedToTheLastByte() {
        assertThat(ArtifactRanges.parts("bytes=990-5000", SIZE)).containsExactly(new Part(990, 999));
    }

    @Test
    void parts_resumeAndSuffixRanges() {
        assertThat(ArtifactRanges.parts("bytes=100-", SIZE)).containsExactly(new Part(100, 999));
        assertThat(ArtifactRanges.parts("bytes=-10", SIZE)).containsExactly(new Part(990, 999));
        assertThat(ArtifactRanges.parts("bytes=0-", SIZE)).containsExactly(new Part(0, 999));
    }

    @Test
    void parts_disjointRangesStayApartInTheRequestedOrder() {
        assertThat(ArtifactRanges.parts("bytes=500-509,0-9", SIZE)).containsExactly(new Part(500, 509), new Part(0, 9));
    }

    @Test
    void parts_mergesOverlappingAndAdjacentRanges() {
        assertThat(ArtifactRanges.parts("bytes=0-99,50-149", SIZE)).containsExactly(new Part(0, 149));
        assertThat(ArtifactRanges.parts("bytes=100-199,0-99,300-310", SIZE))
                .containsExactly(new Part(0, 199), new Part(300, 310));
        assertThat(ArtifactRanges.parts("bytes=0-9,5-7", SIZE)).containsExactly(new Part(0, 9));
    }

    @Test
    void parts_refusesRangesAddingUpPastTheFile() {
        String hundredTimesWhole =
                IntStream.range(0, 100).mapToObj(i -> "0-").collect(Collectors.joining(",", "bytes=", ""));
        assertThat(ArtifactRanges.parts(hundredTimesWhole, SIZE)).isEmpty();
        assertThat(ArtifactRanges.parts("bytes=0-,0-", SIZE)).isEmpty();
        assertThat(ArtifactRanges.parts("bytes=0-599,400-999", SIZE))
                .as("1200 bytes of 1000")
                .isEmpty();
        assertThat(ArtifactRanges.parts("bytes=0-499,500-999", SIZE))
                .as("exactly the file")
                .containsExactly(new Part(0, 999));
    }

    @Test
    void parts_refusesMoreThanSixteenPartsAfterMerging() {
        assertThat(ArtifactRanges.parts(disjoint(ArtifactRanges.MAX_PARTS), SIZE))
                .hasSize(ArtifactRanges.MAX_PARTS);
        assertThat(ArtifactRanges.parts(disjoint(ArtifactRanges.MAX_PARTS + 1), SIZE))
                .isEmpty();
        String adjacent =
                IntStream.range(0, 50).mapToObj(i -> i + "-" + i).collect(Collectors.joining(",", "bytes=", ""));
        assertThat(ArtifactRanges.parts(adjacent, SIZE))
                .as("50 adjacent bytes are one part")
                .containsExactly(new Part(0, 49));
    }

    @Test
    void parts_refusesUnsatisfiableAndMalformedRanges() {
        assertThat(ArtifactRanges.parts("bytes=1000-", SIZE)).isEmpty();
        assertThat(ArtifactRanges.parts("bytes=0-9,1000-1010", SIZE)).isEmpty();
        assertThat(ArtifactRanges.parts("bytes=zzz", SIZE)).isEmpty();
        assertThat(ArtifactRanges.parts("bytes=9-0", SIZE)).isEmpty();
        assertThat(ArtifactRanges.parts("bytes=0-0", 0)).isEmpty();
    }

    @Test
    void merge_keepsDisjointPartsAsGiven() {
        List<Part> parts = List.of(new Part(10, 19), new Part(0, 8));
        assertThat(ArtifactRanges.merge(parts)).isSameAs(parts);
    }

    /** {@code count} one-byte ranges with a one-byte gap between them. */
    private static String disjoint(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> (2 * i) + "-" + (2 * i))
                .collect(Collectors.joining(",", "bytes=", ""));
    }
}
