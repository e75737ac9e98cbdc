package io.hawkbit.server.mgmt.tag;

import io.hawkbit.repository.tag.Tag;
import io.hawkbit.repository.tag.TagService;
import io.hawkbit.rest.paging.PageParams;
import io.hawkbit.rest.paging.PagedList;
import io.hawkbit.server.mgmt.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The endpoints every kind of tag has alike (list, create, get, update, delete), under the subclass's
 * {@code @RequestMapping}; the subclass adds what carries its tags ({@code /{id}/assigned}).
 */
class TagController<T extends Tag> {

    private final TagService<T> tags;
    private final CurrentUser user;
    private final String path;
    private final String assignedRel;

    /**
     * @param path the resource path with a trailing slash, as the links show it
     * @param assignedRel hawkBit's name of the link to the tagged entities
     */
    TagController(TagService<T> tags, CurrentUser user, String path, String assignedRel) {
        this.tags = tags;
        this.user = user;
        this.path = path;
        this.assignedRel = assignedRel;
    }

    @GetMapping
    public PagedList<MgmtTag> list(
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String q) {
        var pageable = PageParams.of(offset, limit, sort, TagService.FIELDS, Sort.by("id"));
        return PagedList.of(tags.find(user.tenant(), q, pageable), tag -> MgmtTag.of(tag, path));
    }

    @PostMapping
    public ResponseEntity<List<MgmtTag>> create(@RequestBody List<@Valid @NotNull MgmtTagRequestBodyPost> body) {
        // All or none, as in hawkBit.
        var creates = body.stream().map(MgmtTagRequestBodyPost::toCreate).toList();
        List<MgmtTag> created = tags.create(user.tenant(), creates).stream()
                .map(tag -> MgmtTag.of(tag, path))
                .toList();
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping("/{id}")
    public MgmtTag get(@PathVariable Long id) {
        return MgmtTag.detailed(tags.get(user.tenant(), id), path, assignedRel);
    }

    @PutMapping("/{id}")
    public MgmtTag update(@PathVariable Long id, @Valid @RequestBody MgmtTagRequestBodyPut body) {
        return MgmtTag.detailed(tags.update(user.tenant(), id, body.toUpdate()), path, assignedRel);
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable Long id) {
        tags.delete(user.tenant(), id);
        return ResponseEntity.noContent().build();
    }
}
