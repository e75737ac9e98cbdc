package io.hawkbit.repository.target;

import io.hawkbit.repository.tag.TagRepository;

/** Target tags of all tenants. */
interface TargetTagRepository extends TagRepository<TargetTag> {}
