package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The golden tests' reading of the study notes")
class SeedNotesTest {

    @Test
    @DisplayName("seed 000: eight chapters of tables, 37 sections, writers and done marks as written")
    void tables() throws IOException {
        var notes = SeedNotes.read(SeedNotes.text("000-microservice-structure.md"));

        assertThat(notes.title()).isEqualTo("그림으로 공부하는 마이크로 서비스 구조");
        assertThat(notes.chapters()).extracting(SeedNotes.Chapter::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(notes.chapters()).extracting(c -> c.rows().size()).containsExactly(3, 7, 9, 9, 4, 0, 5, 0);
        assertThat(notes.chapters().get(0).title()).isEqualTo("디지털 전환: 마이크로서비스가 중요해진 배경");
        assertThat(notes.chapters().get(2).rows().get(0))
                .isEqualTo(new SeedNotes.Row("3.1", "서비스 구조", 44, "이상경", true));
        assertThat(notes.chapters().get(4).rows())
                .extracting(SeedNotes.Row::writer, SeedNotes.Row::done)
                .containsExactly(tuple("김상초", true), tuple("이상경", false), tuple("김태현", false), tuple(null, false));
    }

    @Test
    @DisplayName("seed 002: twelve chapters of tasks, [X] and [x] both done")
    void checklist() throws IOException {
        var notes = SeedNotes.read(SeedNotes.text("002-building-microservices.md"));

        assertThat(notes.title()).isEqualTo("마이크로서비스 아키텍처 구축");
        assertThat(notes.chapters()).hasSize(12);
        assertThat(notes.rows()).hasSize(144);
        assertThat(notes.chapters().get(0).rows().get(0))
                .isEqualTo(new SeedNotes.Row("1.1", "마이크로서비스란", null, null, true));
        assertThat(notes.chapters().get(2).rows()).allMatch(SeedNotes.Row::done); // written [x]
        assertThat(notes.chapters().get(3).rows()).noneMatch(SeedNotes.Row::done);
    }
}
