"""One typed way from a screen or command provider to the running ``SopReviewApp``.

Textual types ``self.app`` as the generic ``App``; screens need the meeting app's own methods
(session, clock, open/start). The cast lives here once instead of a ``type: ignore`` per screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from sopreview.ui.app import SopReviewApp


class SopAppAccess:
    """Mixin (put it before the Textual base class) giving ``sop_app``, the app with its real type."""

    if TYPE_CHECKING:
        app: Any

    @property
    def sop_app(self) -> SopReviewApp:
        return cast("SopReviewApp", self.app)
