"""Troop counts read before the noun they count."""
import pytest

from etl.extract.troops import count_before


@pytest.mark.parametrize("text, expected", [
    ("envoyé plus de 10.000 soldats", 10_000),
    ("envoyé plus de 10 000 soldats", 10_000),
    ("sent more than 11,000 North Korean troops", 11_000),
    ("some 3,000 soldiers", 3_000),
    ("12 mille soldats", 12_000),
    ("1 500 militaires", 1_500),
    ("en 2024, des soldats", None),
    ("des soldats", None),
    ("10^100 soldiers", None),
    ("99999999999 soldiers", None),
    ("a assuré le 7 novembre que des troupes", None),
])
def test_count_before_noun(text, expected):
    noun = text.rsplit(" ", 1)[1]
    dates = [(text.index("7 novembre"), text.index("7 novembre") + 10)] if "novembre" in text else []
    assert count_before(text, text.rindex(noun), dates) == expected
