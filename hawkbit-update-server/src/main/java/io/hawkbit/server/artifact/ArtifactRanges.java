package io.hawkbit.server.artifact;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/**
 * Writes the answer to a {@code Range} request: 206 with one part, 206 multipart/byteranges for several, or 416
 * when a range starts past the end or cannot be parsed. Ends past the file are clamped to its last byte.
 * Overlapping and adjacent ranges are merged; a request whose ranges add up to more than the file, or that leaves
 * more than {@link #MAX_PARTS} parts after merging, gets 416 (RFC 9110 section 15.5.17: "an excessive request of
 * small or overlapping ranges"), so no Range header makes a download larger than the file itself.
 */
final class ArtifactRanges {

    /** Most parts served in one answer after merging; devices ask for one range at a time. */
    static final int MAX_PARTS = 16;

    private static final String OCTET_STREAM = "application/octet-stream";

    private ArtifactRanges() {}

    /** An inclusive byte range within the file. */
    record Part(long start, long end) {

        long length() {
            return end - start + 1;
        }

        String contentRange(long size) {
            return "bytes " + start + "-" + end + "/" + size;
        }
    }

    /**
     * The parts to send for a Range header, overlapping and adjacent ones merged; an empty list (answered 416) when
     * the header cannot be parsed, a range starts past the end, the ranges add up to more bytes than the file holds
     * or more than {@link #MAX_PARTS} parts remain.
     */
    static List<Part> parts(String range, long size) {
        List<Part> requested = new ArrayList<>();
        long requestedBytes = 0;
        try {
            for (HttpRange httpRange : HttpRange.parseRanges(range)) {
                long start = httpRange.getRangeStart(size);
                long end = httpRange.getRangeEnd(size);
                if (start >= size || end < start) {
                    return List.of();
                }
                requestedBytes += end - start + 1;
                if (requestedBytes > size) {
                    // Only overlapping ranges can add up past the file: 100 times "0-" would send it 100 times.
                    return List.of();
                }
                requested.add(new Part(start, end));
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<Part> merged = merge(requested);
        return merged.size() > MAX_PARTS ? List.of() : merged;
    }

    /** Overlapping and adjacent parts as one; the requested order is kept when nothing merges. */
    static List<Part> merge(List<Part> requested) {
        List<Part> sorted = new ArrayList<>(requested);
        sorted.sort(Comparator.comparingLong(Part::start));
        List<Part> merged = new ArrayList<>();
        for (Part part : sorted) {
            Part last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && part.start() <= last.end() + 1) {
                merged.set(merged.size() - 1, new Part(last.start(), Math.max(last.end(), part.end())));
            } else {
                merged.add(part);
            }
        }
        return merged.size() == requested.size() ? requested : merged;
    }

    static void writeWhole(ArtifactDownload.Content file, long size, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(OCTET_STREAM);
        response.setContentLengthLong(size);
        Part whole = new Part(0, size - 1);
        try (InputStream in = file.open(whole.start(), whole.end())) {
            copy(in, whole, response.getOutputStream());
        }
    }

    static void write(ArtifactDownload.Content file, long size, List<Part> parts, HttpServletResponse response)
            throws IOException {
        if (parts.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
            response.setContentLength(0);
            return;
        }
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        if (parts.size() == 1) {
            Part part = parts.get(0);
            response.setContentType(OCTET_STREAM);
            response.setHeader(HttpHeaders.CONTENT_RANGE, part.contentRange(size));
            response.setContentLengthLong(part.length());
            try (InputStream in = file.open(part.start(), part.end())) {
                copy(in, part, response.getOutputStream());
            }
            return;
        }
        String boundary = UUID.randomUUID().toString();
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        OutputStream out = response.getOutputStream();
        for (Part part : parts) {
            out.write(("\r\n--" + boundary + "\r\nContent-Type: " + OCTET_STREAM + "\r\nContent-Range: "
                            + part.contentRange(size) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = file.open(part.start(), part.end())) {
                copy(in, part, out);
            }
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Copies the part from a stream positioned at its start (a file read or an S3 ranged GET). */
    private static void copy(InputStream in, Part part, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long remaining = part.length();
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                // The connection is cut short of Content-Length: the client sees a failed download, not a short file.
                throw new IOException("Artifact file is shorter than recorded");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }
}
