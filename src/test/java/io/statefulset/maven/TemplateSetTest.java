package io.statefulset.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class TemplateSetTest {

    @Test
    void pairsAreSplitAtUnescapedCommas() throws Exception {
        assertThat(TemplateMojo.parseSet(
                        "replicaCount=3,image.tag=2.0.0,env.LIST=a\\,b,hooks.x.events[0]=post-install,e="))
                .containsExactly(
                        Map.entry("replicaCount", "3"),
                        Map.entry("image.tag", "2.0.0"),
                        Map.entry("env.LIST", "a,b"),
                        Map.entry("hooks.x.events[0]", "post-install"),
                        Map.entry("e", ""));
        assertThat(TemplateMojo.parseSet(null)).isEmpty();
    }

    @Test
    void aPairWithoutKeyNamesTheElementAndShowsTheForm() {
        assertThatThrownBy(() -> TemplateMojo.parseSet("replicaCount=3,oops"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<set> = 'replicaCount=3,oops': 'oops' is not key=value")
                .hasMessageContaining("-Dstatefulset.set=replicaCount=3,image.tag=2.0.0");
    }
}
