package io.hawkbit.repository.action;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/** One entry of an action's history: a status reported by the device or set by the server, with messages. Append-only. */
@Entity
@Table(name = "action_status")
@EntityListeners(AuditingEntityListener.class)
public class ActionStatus {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "tenant", nullable = false, updatable = false, length = 40)
    private String tenant;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "action_id", nullable = false, updatable = false)
    private Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false, length = 32)
    private ActionState status;

    /** Epoch milliseconds when the status occurred (device time when it sent one). */
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private long occurredAt;

    @Column(name = "status_code", updatable = false)
    private Integer code;

    /** Set from the injected clock by JPA auditing. */
    @CreatedDate
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 100)
    @CollectionTable(name = "action_status_message", joinColumns = @JoinColumn(name = "action_status_id"))
    @OrderColumn(name = "position")
    @Column(name = "detail", length = 512, nullable = false)
    private List<String> messages = new ArrayList<>();

    protected ActionStatus() {}

    public ActionStatus(
            Action action, ActionState status, long occurredAt, Integer code, List<String> messages, String createdBy) {
        this.tenant = action.getTenant();
        this.action = action;
        this.status = status;
        this.occurredAt = occurredAt;
        this.code = code;
        this.createdBy = createdBy;
        messages.stream().map(ActionStatus::clip).forEach(this.messages::add);
    }

    static String clip(String message) {
        return message.length() > 512 ? message.substring(0, 512) : message;
    }

    public Long getId() {
        return id;
    }

    public Action getAction() {
        return action;
    }

    public ActionState getStatus() {
        return status;
    }

    public long getOccurredAt() {
        return occurredAt;
    }

    public Integer getCode() {
        return code;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<String> getMessages() {
        return messages;
    }
}
