"""Allegations and unsourced reports: the event stands, with less confidence than a plain statement."""
from datetime import datetime

import pytest

from etl.extract.events import extract
from etl.model import Article


def confidences(text, language):
    article = Article(text=text, source="test", language=language, published=datetime(2024, 11, 20, 9, 0))
    return [(m.actor1, m.actor2, m.count, round(m.confidence, 2)) for m in extract(article)]


@pytest.mark.parametrize("plain, alleged, language", [
    ("North Korea has sent some 10,000 troops to Russia.",
     "North Korea has reportedly sent some 10,000 troops to Russia.", "en"),
    ("North Korea has sent some 10,000 troops to Russia.",
     "North Korea has sent some 10,000 troops to Russia, according to media reports.", "en"),
    ("La Corée du Nord a envoyé quelque 10 000 soldats en Russie.",
     "La Corée du Nord aurait envoyé quelque 10 000 soldats en Russie.", "fr"),
    ("La Corée du Nord a envoyé quelque 10 000 soldats en Russie.",
     "Selon la presse, la Corée du Nord a envoyé quelque 10 000 soldats en Russie.", "fr"),
    ("Corea del Norte ha enviado unos 10.000 soldados a Rusia.",
     "Corea del Norte habría enviado unos 10.000 soldados a Rusia.", "es"),
    ("Corea del Norte ha enviado unos 10.000 soldados a Rusia.",
     "Según informes, Corea del Norte ha enviado unos 10.000 soldados a Rusia.", "es"),
    ("Nordkorea hat rund 10.000 Soldaten nach Russland geschickt.",
     "Nordkorea soll rund 10.000 Soldaten nach Russland geschickt haben.", "de"),
    ("Nordkorea hat rund 10.000 Soldaten nach Russland geschickt.",
     "Nordkorea hat Berichten zufolge rund 10.000 Soldaten nach Russland geschickt.", "de"),
])
def test_an_alleged_deployment_is_kept_with_less_confidence(plain, alleged, language):
    [(s1, r1, n1, stated)] = confidences(plain, language)
    [(s2, r2, n2, reported)] = confidences(alleged, language)
    assert (s1, r1, n1) == (s2, r2, n2) == ("PRK", "RUS", 10000)
    assert reported < stated
