package io.hawkbit.repository.softwaremodule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Artifact files in a directory (shared by all nodes of a cluster) under {@code <tenant>/<sha1[0..2]>/<sha1>}; a
 * temporary file in the tenant's directory is moved into place atomically once accepted. Public for tests that
 * damage files on purpose.
 */
public class FileArtifactStore implements ArtifactStore {

    private final Path root;

    FileArtifactStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public Stored store(String tenant, InputStream content, Consumer<StoredFile> check) {
        try {
            Path tenantDir = Files.createDirectories(root.resolve(ArtifactStore.safe(tenant)));
            HashedTempFile temp = HashedTempFile.write(tenantDir, content);
            try {
                StoredFile stored = temp.hashes();
                check.accept(stored);
                Path target = path(tenant, stored.sha1());
                Files.createDirectories(target.getParent());
                // A file of another size under the name is a damaged copy: replaced rather than shared.
                if (Files.exists(target) && Files.size(target) == stored.size()) {
                    return new Stored(stored, false);
                }
                move(temp.path(), target);
                return new Stored(stored, true);
            } finally {
                Files.deleteIfExists(temp.path());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Storing artifact failed", e);
        }
    }

    @Override
    public Optional<Blob> find(String tenant, String sha1) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path(tenant, sha1), BasicFileAttributes.class);
            return Optional.of(
                    new Blob(attributes.size(), attributes.lastModifiedTime().toMillis() + "/" + attributes.size()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading artifact attributes failed", e);
        }
    }

    @Override
    public InputStream open(String tenant, String sha1, long start, long end) throws IOException {
        InputStream in = Files.newInputStream(path(tenant, sha1));
        try {
            in.skipNBytes(start);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return in;
    }

    /** The file of a SHA-1 (tests damage it on purpose). */
    public Path path(String tenant, String sha1) {
        ArtifactStore.requireSha1(sha1);
        return root.resolve(ArtifactStore.safe(tenant))
                .resolve(sha1.substring(0, 2))
                .resolve(sha1);
    }

    @Override
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
}
