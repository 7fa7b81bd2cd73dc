"""lead_reach: units a lead coordinates and leads a unit works under, on the small plan of _frames."""
import pytest

from policykit.network import NetworkInputError, dyad_panel, lead_graph, lead_reach

from ._frames import PLAN


def test_lead_reach_counts_units_led_and_leads_over():
    reach = {r[0]: r[1:] for r in lead_reach(lead_graph(PLAN)).rows()}
    # a leads b, c (t1) and e (t5); b leads c, d (t3); c and d work under a and b
    assert reach == {"a": (3, 0, 3), "b": (2, 1, 2), "c": (0, 2, 0), "d": (0, 1, 0), "e": (0, 1, 0)}
    with pytest.raises(NetworkInputError, match="directed"):
        lead_reach(dyad_panel)
