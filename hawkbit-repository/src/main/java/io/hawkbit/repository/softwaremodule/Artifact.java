package io.hawkbit.repository.softwaremodule;

import io.hawkbit.repository.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A file of a software module; its bytes live in the {@link ArtifactStore} under their SHA-1. */
@Entity
@Table(name = "artifact")
public class Artifact extends BaseEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "software_module_id", nullable = false, updatable = false)
    private SoftwareModule softwareModule;

    @Column(name = "filename", nullable = false, updatable = false, length = 256)
    private String filename;

    @Column(name = "sha1_hash", nullable = false, updatable = false, length = 40)
    private String sha1;

    @Column(name = "md5_hash", nullable = false, updatable = false, length = 32)
    private String md5;

    @Column(name = "sha256_hash", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "file_size", nullable = false, updatable = false)
    private long size;

    protected Artifact() {}

    public Artifact(SoftwareModule softwareModule, String filename, ArtifactStore.StoredFile file) {
        super(softwareModule.getTenant());
        this.softwareModule = softwareModule;
        this.filename = filename;
        this.sha1 = file.sha1();
        this.md5 = file.md5();
        this.sha256 = file.sha256();
        this.size = file.size();
    }

    public SoftwareModule getSoftwareModule() {
        return softwareModule;
    }

    public String getFilename() {
        return filename;
    }

    public String getSha1() {
        return sha1;
    }

    public String getMd5() {
        return md5;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSize() {
        return size;
    }
}
