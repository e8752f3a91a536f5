package io.statefulset.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class KubernetesSyntaxTest {

    @Test
    void quantitiesAreParsedIntoBaseUnits() {
        assertThat(KubernetesSyntax.quantity("1Mi")).contains(new BigDecimal(1024 * 1024));
        assertThat(KubernetesSyntax.quantity("100m").orElseThrow()).isEqualByComparingTo("0.1");
        assertThat(KubernetesSyntax.quantity("1G").orElseThrow()).isEqualByComparingTo("1000000000");
        assertThat(KubernetesSyntax.quantity("1e3").orElseThrow()).isEqualByComparingTo("1000");
        assertThat(KubernetesSyntax.quantity("0.5").orElseThrow()).isEqualByComparingTo("0.5");
        assertThat(KubernetesSyntax.quantity("1 Gi")).isEmpty();
        assertThat(KubernetesSyntax.quantity("1GB")).isEmpty();
        assertThat(KubernetesSyntax.quantity("-1")).isEmpty();
    }

    @Test
    void namesFollowTheApiServer() {
        assertThat(KubernetesSyntax.isDnsLabel("visit-counter")).isTrue();
        assertThat(KubernetesSyntax.isDnsLabel("-x")).isFalse();
        assertThat(KubernetesSyntax.isDnsLabel("a".repeat(64))).isFalse();
        assertThat(KubernetesSyntax.isPortName("http")).isTrue();
        assertThat(KubernetesSyntax.isPortName("8080")).isFalse();
        assertThat(KubernetesSyntax.isPortName("a--b")).isFalse();
        assertThat(KubernetesSyntax.isPortName("averylongportname")).isFalse();
        assertThat(KubernetesSyntax.isQualifiedName("vault.hashicorp.com/agent-inject"))
                .isTrue();
        assertThat(KubernetesSyntax.isQualifiedName("bad prefix/x")).isFalse();
        assertThat(KubernetesSyntax.isImageRepository("ghcr.io/acme/visit-counter"))
                .isTrue();
        assertThat(KubernetesSyntax.isImageRepository("localhost:5000/app")).isTrue();
        assertThat(KubernetesSyntax.isImageRepository("Acme/App")).isFalse();
    }
}
