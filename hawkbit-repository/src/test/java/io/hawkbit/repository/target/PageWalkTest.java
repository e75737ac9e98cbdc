package io.hawkbit.repository.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;

class PageWalkTest {

    @Test
    void aPageBeforeTheMiddleIsReadForward() {
        assertThat(PageWalk.of(0, 50, 1_000_000)).isEqualTo(new PageWalk(false, 0, 50));
        // 100 entries: offset 49 + limit 2 reads 51 forward, 51 backward; a tie stays forward.
        assertThat(PageWalk.of(49, 2, 100)).isEqualTo(new PageWalk(false, 49, 2));
    }

    @Test
    void aPagePastTheMiddleIsReadBackwardFromTheMirroredOffset() {
        assertThat(PageWalk.of(50, 2, 100)).isEqualTo(new PageWalk(true, 48, 2));
        assertThat(PageWalk.of(900_000, 50, 1_000_000)).isEqualTo(new PageWalk(true, 99_950, 50));
        // The last full page, and the last partial one: its limit is what is left.
        assertThat(PageWalk.of(950, 50, 1_000)).isEqualTo(new PageWalk(true, 0, 50));
        assertThat(PageWalk.of(990, 50, 1_000)).isEqualTo(new PageWalk(true, 0, 10));
        assertThat(PageWalk.of(999, 50, 1_000)).isEqualTo(new PageWalk(true, 0, 1));
    }

    @Test
    void aPageThatDoesNotStartWithinTheTotalHasNoWalk() {
        assertThatThrownBy(() -> PageWalk.of(1_000, 50, 1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PageWalk.of(0, 50, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOrderEndsInTheIdInTheDirectionOfItsLastKey() {
        assertThat(PageWalk.totalOrder(Sort.by("name"))).isEqualTo(Sort.by("name", "id"));
        assertThat(PageWalk.totalOrder(Sort.by(Sort.Direction.DESC, "name")))
                .isEqualTo(Sort.by(Sort.Direction.DESC, "name", "id"));
        assertThat(PageWalk.totalOrder(Sort.by(Sort.Order.desc("name"), Sort.Order.asc("updateStatus"))))
                .isEqualTo(Sort.by(Sort.Order.desc("name"), Sort.Order.asc("updateStatus"), Sort.Order.asc("id")));
        assertThat(PageWalk.totalOrder(Sort.unsorted())).isEqualTo(Sort.by("id"));
        // Already total: unique within the tenant.
        assertThat(PageWalk.totalOrder(Sort.by(Sort.Direction.DESC, "controllerId")))
                .isEqualTo(Sort.by(Sort.Direction.DESC, "controllerId"));
        assertThat(PageWalk.totalOrder(Sort.by("name", "id"))).isEqualTo(Sort.by("name", "id"));
    }

    @Test
    void theMirrorReversesEveryKeyAndItsNullPlacement() {
        Sort sort = Sort.by(
                Sort.Order.asc("name").nullsFirst(),
                Sort.Order.desc("description"),
                Sort.Order.asc("id").nullsLast());
        assertThat(PageWalk.mirrored(sort))
                .isEqualTo(Sort.by(
                        Sort.Order.desc("name").nullsLast(),
                        Sort.Order.asc("description"),
                        Sort.Order.desc("id").nullsFirst()));
        assertThat(new PageWalk(true, 0, 1).order(sort)).isEqualTo(PageWalk.mirrored(sort));
        assertThat(new PageWalk(false, 0, 1).order(sort)).isEqualTo(sort);
    }
}
