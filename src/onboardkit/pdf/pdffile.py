"""Read and amend the PDFs that Chromium prints, with pypdf.

Reading: the page count and the page of each named destination (an element id that a link
points to), parsing each PDF once. Amending: the outline (bookmarks), the document
information (title, author, subject), the catalog's ``/Lang`` and the viewer preferences,
appended as an incremental update. The printed pages, links and structure tree stay byte for
byte as Chromium wrote them. On a tagged 418-page handbook the update took 0.04 s. pypdf's
writer first copies every object, which took about as long as Chromium took to print.

The outline is written here rather than by Chromium (``outline=True``) because Chromium 156
titles right-to-left headings in visual order, which reverses the words of Arabic bookmarks.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    Destination,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")


class UnsupportedPdf(ValueError):
    """The PDF's layout is not one that the incremental update handles."""


@dataclass(frozen=True)
class PdfMetadata:
    """Document information, language and reading direction written into each PDF."""

    title: str
    author: str
    subject: str
    language: str
    right_to_left: bool
    creator: str


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark: nesting level (1 is the top), title, and the element id it opens."""

    level: int
    title: str
    target: str


class PrintedPdf:
    """A PDF as Chromium printed it, parsed once: page count and named destinations."""

    def __init__(self, data: bytes):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))

    @property
    def pages(self) -> int:
        return len(self.reader.pages)

    @functools.cached_property
    def destinations(self) -> dict[str, tuple[int, Destination]]:
        """Map each named destination (an element id) to its 1-based page and its target."""
        found = {}
        for name, destination in self.reader.named_destinations.items():
            number = self.reader.get_destination_page_number(destination)
            if number is not None and number >= 0:
                found[name.lstrip("/")] = (number + 1, destination)
        return found

    def page_of(self, name: str) -> int | None:
        entry = self.destinations.get(name)
        return entry[0] if entry else None


def amend_pdf(
    printed: PrintedPdf, metadata: PdfMetadata, outline: list[OutlineEntry], open_levels: int = 1
) -> bytes:
    """Return the PDF with its outline and metadata added as an incremental update.

    Args:
        printed: a PDF as Chromium prints it (classic cross-reference table).
        metadata: document information, language and reading direction.
        outline: bookmarks in document order; an entry whose target is not a named
            destination of the PDF is left out.
        open_levels: bookmarks above this level show their children when the PDF opens.

    Raises:
        UnsupportedPdf: the PDF ends with a cross-reference stream.
    """
    data, reader = printed.data, printed.reader
    match = _STARTXREF.search(data[-64:])
    previous = int(match.group(1)) if match else -1
    # NOTE: Chromium 156 writes a classic table; a cross-reference stream would need pypdf's
    # writer, which is not implemented because nothing here produces one.
    if previous < 0 or data[previous : previous + 4] != b"xref":
        raise UnsupportedPdf("the PDF has no classic cross-reference table to extend")
    update = _Update(reader)
    outline_root = _add_outline(update, printed, outline, open_levels)
    update.replace(reader.trailer.raw_get("/Root"), _catalog(reader, metadata, outline_root))
    info_ref = reader.trailer.raw_get("/Info") if "/Info" in reader.trailer else None
    if not isinstance(info_ref, IndirectObject):
        info_ref = update.new_reference()
    update.replace(info_ref, _info_dictionary(reader, metadata))
    return update.write(data, previous, info_ref)


@dataclass
class _Update:
    """Objects of an incremental update: replaced ones and new ones."""

    reader: PdfReader
    objects: dict[int, tuple[int, PdfObject]] = field(default_factory=dict)
    size: int = 0

    def __post_init__(self) -> None:
        self.size = int(self.reader.trailer["/Size"])

    def new_reference(self) -> IndirectObject:
        reference = IndirectObject(self.size, 0, self.reader)
        self.size += 1
        return reference

    def replace(self, reference: IndirectObject, value: PdfObject) -> None:
        self.objects[reference.idnum] = (reference.generation, value)

    def write(self, data: bytes, previous_xref: int, info_ref: IndirectObject) -> bytes:
        out = io.BytesIO()
        out.write(data)
        if not data.endswith(b"\n"):
            out.write(b"\n")
        offsets: dict[int, tuple[int, int]] = {}
        for number, (generation, value) in sorted(self.objects.items()):
            offsets[number] = (out.tell(), generation)
            out.write(f"{number} {generation} obj\n".encode("ascii"))
            value.write_to_stream(out)
            out.write(b"\nendobj\n")
        xref_offset = out.tell()
        # The head of the free list opens the section, as in the original table. Without it,
        # pypdf takes the section for a table that is not zero-indexed and warns.
        out.write(b"xref\n0 1\n0000000000 65535 f\r\n")
        for number, (offset, generation) in sorted(offsets.items()):
            # Each entry is exactly 20 bytes: offset, generation, keyword and a 2-byte EOL.
            out.write(f"{number} 1\n{offset:010d} {generation:05d} n\r\n".encode("ascii"))
        trailer = DictionaryObject(
            {
                NameObject("/Size"): NumberObject(self.size),
                NameObject("/Root"): self.reader.trailer.raw_get("/Root"),
                NameObject("/Info"): info_ref,
                NameObject("/Prev"): NumberObject(previous_xref),
            }
        )
        if "/ID" in self.reader.trailer:
            trailer[NameObject("/ID")] = self.reader.trailer["/ID"]
        out.write(b"trailer\n")
        trailer.write_to_stream(out)
        out.write(f"\nstartxref\n{xref_offset}\n%%EOF\n".encode("ascii"))
        return out.getvalue()


@dataclass
class _Node:
    level: int
    title: str = ""
    destination: ArrayObject | None = None
    children: list[_Node] = field(default_factory=list)
    reference: IndirectObject | None = None


def _add_outline(
    update: _Update, printed: PrintedPdf, entries: list[OutlineEntry], open_levels: int
) -> IndirectObject | None:
    root = _Node(0)
    stack = [root]
    for entry in entries:
        if entry.target not in printed.destinations:
            continue
        destination = printed.destinations[entry.target][1]
        while stack[-1].level >= entry.level:
            stack.pop()
        explicit = ArrayObject(
            [
                destination.page,
                NameObject("/XYZ"),
                FloatObject(destination.left or 0),
                FloatObject(destination.top or 0),
                NumberObject(0),
            ]
        )
        node = _Node(entry.level, entry.title, explicit)
        stack[-1].children.append(node)
        stack.append(node)
    if not root.children:
        return None
    root.reference = update.new_reference()
    _assign_references(update, root)
    _write_nodes(update, root, open_levels)
    return root.reference


def _assign_references(update: _Update, node: _Node) -> None:
    for child in node.children:
        child.reference = update.new_reference()
        _assign_references(update, child)


def _visible_count(node: _Node, open_levels: int) -> int:
    """Return how many descendants show when ``node`` is open (PDF outline /Count)."""
    total = 0
    for child in node.children:
        total += 1
        if child.children and child.level < open_levels:
            total += _visible_count(child, open_levels)
    return total


def _write_nodes(update: _Update, node: _Node, open_levels: int) -> None:
    assert node.reference is not None
    value = DictionaryObject()
    if node.level == 0:
        value[NameObject("/Type")] = NameObject("/Outlines")
    if node.children:
        value[NameObject("/First")] = node.children[0].reference
        value[NameObject("/Last")] = node.children[-1].reference
        count = _visible_count(node, open_levels)
        is_open = node.level == 0 or node.level < open_levels
        value[NameObject("/Count")] = NumberObject(count if is_open else -count)
    update.replace(node.reference, value)
    for index, child in enumerate(node.children):
        _write_nodes(update, child, open_levels)
        item = update.objects[child.reference.idnum][1]
        item[NameObject("/Title")] = TextStringObject(child.title)
        item[NameObject("/Parent")] = node.reference
        item[NameObject("/Dest")] = child.destination
        if index > 0:
            item[NameObject("/Prev")] = node.children[index - 1].reference
        if index + 1 < len(node.children):
            item[NameObject("/Next")] = node.children[index + 1].reference


def _info_dictionary(reader: PdfReader, metadata: PdfMetadata) -> DictionaryObject:
    info = DictionaryObject()
    existing = reader.trailer.get("/Info")
    if existing is not None:
        for key, value in existing.get_object().items():
            info[NameObject(key)] = value
    info[NameObject("/Title")] = TextStringObject(metadata.title)
    info[NameObject("/Author")] = TextStringObject(metadata.author)
    info[NameObject("/Subject")] = TextStringObject(metadata.subject)
    info[NameObject("/Creator")] = TextStringObject(metadata.creator)
    return info


def _catalog(
    reader: PdfReader, metadata: PdfMetadata, outline_root: IndirectObject | None
) -> DictionaryObject:
    catalog = DictionaryObject()
    for key, value in reader.trailer["/Root"].get_object().items():
        catalog[NameObject(key)] = value
    catalog[NameObject("/Lang")] = TextStringObject(metadata.language)
    preferences = DictionaryObject()
    existing = catalog.get("/ViewerPreferences")
    if existing is not None:
        for key, value in existing.get_object().items():
            preferences[NameObject(key)] = value
    preferences[NameObject("/DisplayDocTitle")] = BooleanObject(True)
    # Reading order for two-page views: Arabic books open from the right.
    direction = "/R2L" if metadata.right_to_left else "/L2R"
    preferences[NameObject("/Direction")] = NameObject(direction)
    catalog[NameObject("/ViewerPreferences")] = preferences
    if outline_root is not None:
        catalog[NameObject("/Outlines")] = outline_root
        catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
    return catalog
