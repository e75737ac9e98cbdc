package io.hawkbit.repository.softwaremodule;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store: bytes are written once under {@code <tenant>/<sha1[0..2]>/<sha1>}, so equal
 * uploads share a file and a half-written upload never becomes visible (temp file, then atomic move).
 */
@Component
public class ArtifactStore {

    /** Hashes and size of a stored file. */
    public record StoredFile(String sha1, String md5, String sha256, long size) {}

    private final Path root;

    public ArtifactStore(ArtifactStorageProperties properties) {
        this.root = properties.getPath().toAbsolutePath();
    }

    /** A file put in the store; {@code created} when this call wrote it (no file of equal content was there). */
    public record Stored(StoredFile file, boolean created) {}

    /**
     * Writes the content to a temporary file, hashes it, lets {@code check} refuse it (by throwing) and only then
     * moves it under its SHA-1, so a refused upload never enters the store.
     */
    public Stored store(String tenant, InputStream content, Consumer<StoredFile> check) {
        try {
            Path tenantDir = Files.createDirectories(root.resolve(safe(tenant)));
            Path temp = Files.createTempFile(tenantDir, "upload-", ".tmp");
            try {
                MessageDigest sha1 = digest("SHA-1");
                MessageDigest md5 = digest("MD5");
                MessageDigest sha256 = digest("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(
                        new DigestOutputStream(new DigestOutputStream(Files.newOutputStream(temp), sha1), md5),
                        sha256)) {
                    size = content.transferTo(out);
                }
                HexFormat hex = HexFormat.of();
                StoredFile stored = new StoredFile(
                        hex.formatHex(sha1.digest()),
                        hex.formatHex(md5.digest()),
                        hex.formatHex(sha256.digest()),
                        size);
                check.accept(stored);
                Path target = path(tenant, stored.sha1());
                Files.createDirectories(target.getParent());
                if (Files.exists(target)) {
                    return new Stored(stored, false);
                }
                move(temp, target);
                return new Stored(stored, true);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Storing artifact failed", e);
        }
    }

    public Path path(String tenant, String sha1) {
        if (!sha1.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("Not a SHA-1: " + sha1);
        }
        return root.resolve(safe(tenant)).resolve(sha1.substring(0, 2)).resolve(sha1);
    }

    public void delete(String tenant, String sha1) {
        try {
            Files.deleteIfExists(path(tenant, sha1));
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting artifact failed", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String safe(String tenant) {
        return tenant.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
