"""Contents page numbers of a single-guide PDF, predicted from the handbook printed before it.

A guide starts on a new page of the same page box in the handbook and in its own PDF. So each
of its headings lands as many pages after the guide's title in both, provided that Chromium
lays both documents out at the same width. That is not always the case. When content reaches
past the right edge of the page area, Chromium 156 lays the whole document out wider by the
largest such overflow on any page, and prints it scaled down to fit
(``CalculateOverflowShrinkForPrinting`` in Blink's ``layout/pagination_utils.cc``). A handbook
overflows as far as its widest guide does. The printer therefore measures each document's
overflow as a width ratio, and the handbook's pages are used only for a guide whose ratio is
the same. The guide's cover is one fixed-height page like the handbook's, and the printer
counts the pages of its contents.

A prediction only saves the layout pass: the printer checks every number against the final PDF
and prints again when one is wrong.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from onboardkit.pdf.document import CONTENTS_ID, PrintDocument
from onboardkit.pdf.markup import guide_anchor
from onboardkit.pdf.pdffile import PrintedPdf

log = logging.getLogger(__name__)

# Two layouts at the same width give equal ratios to float precision. A difference of 1e-4 on a
# 658 px wide page area is less than a tenth of a pixel.
WIDTH_RATIO_TOLERANCE = 1e-4


@dataclass(frozen=True)
class GuidePrediction:
    """The cover's page count, and each contents entry's page counted from the guide's title."""

    cover_pages: int
    offsets: dict[str, int]

    def numbers(self, contents_pages: int) -> dict[str, int]:
        """Return the page of each contents entry when the contents take ``contents_pages``."""
        title_page = self.cover_pages + contents_pages + 1
        return {target: title_page + offset for target, offset in self.offsets.items()}


@dataclass(frozen=True)
class HandbookLayout:
    """The heading pages of a printed handbook, and the width ratio it was laid out at.

    Attributes:
        language: the handbook's language code.
        paper: the paper size it was printed on.
        width_ratio: how far its content reached to the right, relative to the page area's
            width (1.0 when nothing overflowed).
        pages: the 1-based page of each named destination (element id).
    """

    language: str
    paper: str
    width_ratio: float
    pages: dict[str, int]

    @classmethod
    def of(cls, document: PrintDocument, printed: PrintedPdf, width_ratio: float) -> HandbookLayout:
        """Record the heading pages of the handbook ``document`` as printed in ``printed``."""
        pages = {name: page for name, (page, _) in printed.destinations.items()}
        return cls(document.language.code, document.paper, width_ratio, pages)

    def predict(self, document: PrintDocument, width_ratio: float) -> GuidePrediction | None:
        """Return the contents pages of the single-guide ``document`` as the handbook has them.

        Returns None (logged at DEBUG with the reason) when the handbook's layout does not
        apply: another language or paper, another width ratio, or a heading the handbook lacks.
        """
        label = document.target.file_name
        if document.target.is_handbook or len(document.sections) != 1:
            return None
        if (document.language.code, document.paper) != (self.language, self.paper):
            log.debug("%s: the handbook is of another language or paper", label)
            return None
        if abs(width_ratio - self.width_ratio) > WIDTH_RATIO_TOLERANCE:
            log.debug(
                "%s: laid out at width ratio %.4f, the handbook at %.4f",
                label,
                width_ratio,
                self.width_ratio,
            )
            return None
        title_page = self.pages.get(guide_anchor(document.sections[0].slug))
        contents_page = self.pages.get(CONTENTS_ID)
        if title_page is None or contents_page is None:
            log.debug("%s: the guide or the contents is not in the handbook", label)
            return None
        offsets = {}
        for entry in document.toc_entries():
            page = self.pages.get(entry.id)
            if page is None:
                log.debug("%s: heading '%s' is not in the handbook", label, entry.id)
                return None
            offsets[entry.id] = page - title_page
        return GuidePrediction(cover_pages=contents_page - 1, offsets=offsets)
