package io.hawkbit.server.ddi;

import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourceRegion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Answers a {@code Range} request: 206 with one region or multipart/byteranges, or 416 when unsatisfiable. */
final class ArtifactRanges {

    private ArtifactRanges() {
    }

    static ResponseEntity<?> respond(Resource file, long size, String range, HttpHeaders headers) {
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(range);
        } catch (IllegalArgumentException e) {
            return unsatisfiable(size, headers);
        }
        if (ranges.isEmpty()) {
            return unsatisfiable(size, headers);
        }
        List<ResourceRegion> regions;
        try {
            // Checks every start against the size (a start past the end is unsatisfiable) and clamps ends to size-1.
            regions = ranges.stream().map(r -> r.toResourceRegion(file)).toList();
        } catch (IllegalArgumentException e) {
            return unsatisfiable(size, headers);
        }
        headers.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        if (regions.size() == 1) {
            return new ResponseEntity<>(regions.get(0), headers, HttpStatus.PARTIAL_CONTENT);
        }
        return new ResponseEntity<>(regions, headers, HttpStatus.PARTIAL_CONTENT);
    }

    private static ResponseEntity<?> unsatisfiable(long size, HttpHeaders headers) {
        HttpHeaders answer = new HttpHeaders();
        answer.setETag(headers.getETag());
        answer.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        return new ResponseEntity<>(answer, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
    }
}
