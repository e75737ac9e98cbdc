package io.hawkbit.repository.distribution;

import io.hawkbit.repository.BatchQuota;
import io.hawkbit.repository.event.ClusterEventPublisher;
import io.hawkbit.repository.event.DistributionSetTagCreatedEvent;
import io.hawkbit.repository.event.DistributionSetTagDeletedEvent;
import io.hawkbit.repository.event.DistributionSetTagUpdatedEvent;
import io.hawkbit.repository.tag.TagKind;
import io.hawkbit.repository.tag.TagService;
import org.springframework.stereotype.Service;

/** Use cases of distribution set tags; which sets carry a tag is in {@link DistributionSetService}. */
@Service
public class DistributionSetTagService extends TagService<DistributionSetTag> {

    public DistributionSetTagService(
            DistributionSetTagRepository tags, ClusterEventPublisher events, BatchQuota quota) {
        super(
                tags,
                events,
                quota,
                new TagKind<>(
                        "DistributionSetTag",
                        "distribution set tag",
                        DistributionSetTag::new,
                        DistributionSetTagCreatedEvent::new,
                        DistributionSetTagUpdatedEvent::new,
                        DistributionSetTagDeletedEvent::new));
    }
}
