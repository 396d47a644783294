package io.devshare.common.page;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.devshare.common.problem.ProblemException;
import io.devshare.common.problem.RequestParams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void roundTrips() {
        PageCursor c = new PageCursor(OffsetDateTime.parse("2026-11-24T08:00:00.123456Z"), UUID.randomUUID());
        assertThat(PageCursor.decode(c.encode())).isEqualTo(c);
        assertThat(PageCursor.decode(null)).isNull();
        assertThat(PageCursor.decode(" ")).isNull();
    }

    @Test
    void foreignCursorsAreA400NamingTheCursor() {
        assertThatThrownBy(() -> PageCursor.decode("garbage!"))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(400))
                .hasMessageContaining("cursor");
    }

    @Test
    void limitsAreBounded() {
        assertThat(RequestParams.limit(null, 20, 100)).isEqualTo(20);
        assertThat(RequestParams.limit(" 100 ", 20, 100)).isEqualTo(100);
        assertThatThrownBy(() -> RequestParams.limit("0", 20, 100)).hasMessageContaining("limit");
        assertThatThrownBy(() -> RequestParams.limit("101", 20, 100)).hasMessageContaining("limit");
        assertThatThrownBy(() -> RequestParams.limit("abc", 20, 100)).hasMessageContaining("limit");
    }

    @Test
    void aPageKnowsWhetherThereIsMore() {
        record Row(int n) {}
        OffsetDateTime t = OffsetDateTime.parse("2026-11-24T08:00:00Z");
        UUID id = UUID.randomUUID();
        Page<Integer> full =
                Page.of(List.of(new Row(1), new Row(2), new Row(3)), 2, r -> new PageCursor(t, id), Row::n);
        assertThat(full.items()).containsExactly(1, 2);
        assertThat(PageCursor.decode(full.nextCursor())).isEqualTo(new PageCursor(t, id));
        Page<Integer> last = Page.of(List.of(new Row(1)), 2, r -> new PageCursor(t, id), Row::n);
        assertThat(last.nextCursor()).isNull();
    }
}
