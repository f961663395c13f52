"""Treaty steps told with German separable verbs, whose particle closes a long clause."""
from datetime import datetime

import pytest

from tests.test_extract_rules import events


@pytest.mark.parametrize("text, expected", [
    ("Der russische Föderationsrat stimmte dem Abkommen mit Pjöngjang am 6. November zu.",
     ("treaty", "ratified", "RUS", "PRK", "2024-11-06", None, [])),
    ("Russland setzte seine Teilnahme am New-Start-Vertrag mit den USA im Februar 2023 aus.",
     ("treaty", "suspended", "RUS", "USA", "2023-02", None, [])),
])
def test_a_step_verb_far_from_its_particle(text, expected):
    assert events(text, "de", datetime(2024, 11, 20, 9, 0)) == [expected]
