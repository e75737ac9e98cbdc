package io.hawkbit.repository.target;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.TargetTagCreatedEvent;
import io.hawkbit.repository.event.TargetTagDeletedEvent;
import io.hawkbit.repository.event.TargetTagUpdatedEvent;
import io.hawkbit.repository.tag.TagKind;
import io.hawkbit.repository.tag.TagService;
import org.springframework.stereotype.Service;

/** Use cases of target tags. */
@Service
public class TargetTagService extends TagService<TargetTag> {

    public TargetTagService(TargetTagRepository tags, ClusterEventPublisher events, BatchQuota quota) {
        super(
                tags,
                events,
                quota,
                new TagKind<>(
                        "TargetTag",
                        "target tag",
                        TargetTag::new,
                        TargetTagCreatedEvent::new,
                        TargetTagUpdatedEvent::new,
                        TargetTagDeletedEvent::new));
    }
}
