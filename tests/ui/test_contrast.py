"""Every text/background pair of the operator and projector themes reaches 7:1 (issue 16).

The ratios are computed from the themes' own colours (``ui/contrast.py``); the known-bad
Textual default is checked too, so the computation itself is shown able to fail.
"""

from __future__ import annotations

import asyncio

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from sopreview.ui.contrast import MINIMUM, low_pairs, ratio
from sopreview.ui.theme import OPERATOR_THEME, THEMES


@pytest.mark.parametrize("theme", THEMES, ids=[t.name for t in THEMES])
def test_every_pair_reaches_seven_to_one(theme):
    assert low_pairs(theme) == []


def test_ratio_matches_wcag_reference_values():
    assert ratio(Color.parse("#FFFFFF"), Color.parse("#000000")) == pytest.approx(21.0)
    # the grey labels the walkthrough saw fade on the projector: about 4:1
    assert ratio(Color.parse("#767676"), Color.parse("#121212")) == pytest.approx(4.1, abs=0.1)


def test_the_check_catches_a_faded_theme():
    faded = BUILTIN_THEMES["textual-dark"]
    from dataclasses import replace

    faded = replace(faded, variables={**faded.variables, "text-muted": "#767676"})
    assert ("text-muted", "background", pytest.approx(4.1, abs=0.1)) in low_pairs(faded)
    assert MINIMUM == 7.0


def test_operator_app_starts_in_the_operator_theme(tmp_path):
    from sopreview.ui.app import SopReviewApp

    async def main() -> str:
        app = SopReviewApp(None, tmp_path, sessions_dir=tmp_path)
        async with app.run_test(size=(80, 24)):
            return app.theme

    assert asyncio.run(main()) == OPERATOR_THEME
