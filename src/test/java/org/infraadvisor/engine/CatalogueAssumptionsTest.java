package org.infraadvisor.engine;

import org.infraadvisor.dialogue.DefinitionProblem;
import org.infraadvisor.facts.Assumption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueAssumptionsTest {

    @Test
    void anAssumptionWithoutALabelIsAProblemWithItsLine() {
        List<DefinitionProblem> problems = new ArrayList<>();
        CatalogueLoader.assumptions("catalogue/assumptions.yaml", """
                assumptions:
                  - key: pue
                    label: "Data-centre overhead (PUE)"
                    value: 1.4
                    unit: facility kW per IT kW
                    source: estimate
                  - key: power_usd_per_kwh
                    value: 0.1
                    unit: USD/kWh
                    source: estimate
                """, problems);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("'label'");
        });
    }

    @Test
    void theLabelIsReadAlongsideTheKey() {
        List<Assumption> read = CatalogueLoader.assumptions("catalogue/assumptions.yaml", """
                assumptions:
                  - key: pue
                    label: "Data-centre overhead (PUE)"
                    value: 1.4
                    unit: facility kW per IT kW
                    source: estimate
                """, new ArrayList<>());
        assertThat(read).singleElement().satisfies(a -> {
            assertThat(a.getKey()).isEqualTo("pue");
            assertThat(a.getLabel()).isEqualTo("Data-centre overhead (PUE)");
        });
    }
}
