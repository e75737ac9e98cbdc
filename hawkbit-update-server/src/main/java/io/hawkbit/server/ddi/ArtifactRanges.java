package io.hawkbit.server.ddi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

/**
 * Writes the answer to a {@code Range} request: 206 with one part, 206 multipart/byteranges for several, or 416
 * when a range starts past the end or cannot be parsed. Ends past the file are clamped to its last byte.
 */
final class ArtifactRanges {

    private static final String OCTET_STREAM = "application/octet-stream";

    private ArtifactRanges() {
    }

    /** An inclusive byte range within the file. */
    record Part(long start, long end) {

        long length() {
            return end - start + 1;
        }

        String contentRange(long size) {
            return "bytes " + start + "-" + end + "/" + size;
        }
    }

    /** The parts a Range header asks for, or an empty list when it is unsatisfiable. */
    static List<Part> parts(String range, long size) {
        List<Part> parts = new ArrayList<>();
        try {
            for (HttpRange httpRange : HttpRange.parseRanges(range)) {
                long start = httpRange.getRangeStart(size);
                long end = httpRange.getRangeEnd(size);
                if (start >= size || end < start) {
                    return List.of();
                }
                parts.add(new Part(start, end));
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return parts;
    }

    static void writeWhole(Path file, long size, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(OCTET_STREAM);
        response.setContentLengthLong(size);
        try (InputStream in = Files.newInputStream(file)) {
            copy(in, new Part(0, size - 1), response.getOutputStream());
        }
    }

    static void write(Path file, long size, List<Part> parts, HttpServletResponse response) throws IOException {
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
            try (InputStream in = Files.newInputStream(file)) {
                copy(in, part, response.getOutputStream());
            }
            return;
        }
        String boundary = UUID.randomUUID().toString();
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        OutputStream out = response.getOutputStream();
        for (Part part : parts) {
            out.write(("\r\n--" + boundary + "\r\nContent-Type: " + OCTET_STREAM + "\r\nContent-Range: "
                    + part.contentRange(size) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = Files.newInputStream(file)) {
                copy(in, part, out);
            }
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static void copy(InputStream in, Part part, OutputStream out) throws IOException {
        in.skipNBytes(part.start());
        byte[] buffer = new byte[64 * 1024];
        long remaining = part.length();
        while (remaining > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (read < 0) {
                throw new IOException("Artifact file is shorter than recorded");
            }
            out.write(buffer, 0, read);
            remaining -= read;
        }
    }
}
