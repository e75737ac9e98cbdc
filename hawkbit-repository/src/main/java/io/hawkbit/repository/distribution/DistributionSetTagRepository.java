package io.hawkbit.repository.distribution;

import io.hawkbit.repository.tag.TagRepository;

/** Distribution set tags of all tenants. */
interface DistributionSetTagRepository extends TagRepository<DistributionSetTag> {}
