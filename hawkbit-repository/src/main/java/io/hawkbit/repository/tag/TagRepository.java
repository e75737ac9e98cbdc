package io.hawkbit.repository.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.query.Param;

/** The queries every kind of tag answers; one Spring Data repository per kind extends it. */
@NoRepositoryBean
public interface TagRepository<T extends Tag> extends JpaRepository<T, Long>, JpaSpecificationExecutor<T> {

    Optional<T> findByTenantAndId(String tenant, Long id);

    boolean existsByTenantAndName(String tenant, String name);

    @Query("select t.name from #{#entityName} t where t.tenant = :tenant and t.name in :names")
    List<String> findNames(@Param("tenant") String tenant, @Param("names") Collection<String> names);
}
