package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One way to replace an output: whole or not at all, with the mode the umask gives, no debris. */
class AtomicWriteTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenFileGetsTheModeOfANewFileNotOwnerOnly() throws Exception {
        Set<PosixFilePermission> newFile = SpecialFiles.newFileMode(dir);
        assumeTrue(newFile.contains(PosixFilePermission.OTHERS_READ), "the umask lets others read new files");
        Path target = dir.resolve("validation.json");
        AtomicWrite.text(target, "[]\n");
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(newFile);
    }

    @Test
    void aWriteThatFailsKeepsThePreviousFileAndLeavesNoTemporary() throws Exception {
        Path target = Files.writeString(dir.resolve("chart-rendered.yaml"), "previous\n");
        assertThatThrownBy(() -> AtomicWrite.file(target, out -> {
                    out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("disk full");
                }))
                .hasMessage("disk full");
        assertThat(target).hasContent("previous");
        assertThat(names()).containsExactly("chart-rendered.yaml");
    }

    @Test
    void temporariesAKilledRunLeftAreRemovedByTheNextWriteOfTheSameTarget() throws Exception {
        Files.writeString(dir.resolve(".validation.json.k1ll3d.tmp"), "half a report");
        Files.writeString(dir.resolve(".validation.sarif.k1ll3d.tmp"), "another target's");
        Files.writeString(dir.resolve(".validation.json.old.k1ll3d.tmp"), "validation.json.old's");
        AtomicWrite.text(dir.resolve("validation.json"), "[]\n");
        assertThat(names())
                .containsExactly(".validation.json.old.k1ll3d.tmp", ".validation.sarif.k1ll3d.tmp", "validation.json");
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
