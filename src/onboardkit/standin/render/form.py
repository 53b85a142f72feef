"""Form views: header with status bar, sheet with groups and notebooks, and the chatter.

As in Odoo 18, the stat buttons of ``div.oe_button_box`` move to the control panel and the
chatter sits under the sheet. Inactive notebook pages are kept in ``<template>`` elements,
so that, as in Odoo, only the active page is part of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from onboardkit.standin.render import form_header
from onboardkit.standin.render.buttons import is_hidden, render_button
from onboardkit.standin.render.chatter import render_chatter
from onboardkit.standin.render.context import RenderContext
from onboardkit.standin.render.fields import (
    FieldCall,
    field_info,
    record_value,
    values_for,
)
from onboardkit.standin.render.html import attributes, cls, el, esc
from onboardkit.standin.render.list_view import render_list_table
from onboardkit.standin.render.widgets import render_field

VIEW_ATTRIBUTES = {
    "invisible",
    "readonly",
    "required",
    "groups",
    "column_invisible",
    "attrs",
    "states",
    "modifiers",
    "options",
    "context",
}


@dataclass
class FormParts:
    """The pieces of a rendered form that the page or a dialog places."""

    statusbar: str = ""
    sheet: str = ""
    button_box: str = ""
    footer: list[str] = field(default_factory=list)
    chatter: str = ""


class FormRenderer:
    """Renders one record with one form arch."""

    def __init__(self, ctx: RenderContext, model: str, arch: etree._Element, record: dict):
        self.ctx = ctx
        self.model = model
        self.arch = arch
        self.record = record
        self.values = values_for(ctx, model, record)
        self.parts = FormParts()
        self.readonly_form = arch.get("edit") in ("0", "false", "False")

    def render(self) -> FormParts:
        header = self.arch.find("header")
        if header is not None:
            self.parts.statusbar = form_header.statusbar(self, header)
        sheet = self.arch.find("sheet")
        body = self.render_children(sheet if sheet is not None else self.arch, skip_header=True)
        if sheet is not None:
            outside = [
                n for n in self.arch if isinstance(n.tag, str) and n.tag not in ("sheet", "header")
            ]
            body_after = "".join(self._node(node) for node in outside)
            self.parts.sheet = el("div", {"class": "o_form_sheet position-relative"}, body)
            self.parts.sheet += body_after
        else:
            self.parts.sheet = el("div", {"class": "o_form_nosheet"}, body)
        return self.parts

    # Structure ----------------------------------------------------------------------------

    def render_children(self, parent: etree._Element, skip_header: bool = False) -> str:
        """Return the HTML of ``parent``'s child nodes (and their text)."""
        parts = []
        for node in parent:
            if not isinstance(node.tag, str):
                continue
            if skip_header and node.tag == "header":
                continue
            parts.append(self._node(node))
            if node.tail and node.tail.strip():
                parts.append(esc(self.ctx.tr.term(node.tail.strip())))
        return "".join(parts)

    def _node(self, node: etree._Element) -> str:
        if is_hidden(self.ctx, node, self.values):
            return ""
        handler = getattr(self, f"_tag_{node.tag}", None)
        if handler is not None:
            return handler(node)
        if "oe_button_box" in (node.get("class") or "").split():
            self.parts.button_box = form_header.button_box(self, node)
            return ""
        if "oe_chatter" in (node.get("class") or "").split():
            return self._tag_chatter(node)
        return self._html(node)

    def _html(self, node: etree._Element) -> str:
        values = {k: v for k, v in node.attrib.items() if k not in VIEW_ATTRIBUTES}
        if node.tag == "div" and "oe_title" in (node.get("class") or ""):
            values["class"] = cls(values.get("class"), "mb24")
        text = esc(self.ctx.tr.term(node.text.strip())) if node.text and node.text.strip() else ""
        return f"<{node.tag}{attributes(values)}>{text}{self.render_children(node)}</{node.tag}>"

    def _tag_sheet(self, node: etree._Element) -> str:
        return self.render_children(node)

    def _tag_chatter(self, node: etree._Element) -> str:
        self.parts.chatter = render_chatter(self.ctx, self.model, self.record)
        return ""

    def _tag_footer(self, node: etree._Element) -> str:
        for child in node:
            if isinstance(child.tag, str) and not is_hidden(self.ctx, child, self.values):
                self.parts.footer.append(self._node(child))
        return ""

    def _tag_newline(self, node: etree._Element) -> str:
        return ""

    def _tag_separator(self, node: etree._Element) -> str:
        title = self.ctx.tr.term(node.get("string") or "")
        return el(
            "div",
            {"class": "o_horizontal_separator mt-4 mb-3 text-uppercase fw-bolder small"},
            esc(title),
        )

    def _tag_button(self, node: etree._Element) -> str:
        return render_button(self.ctx, node)

    def _tag_widget(self, node: etree._Element) -> str:
        if node.get("name") != "web_ribbon":
            return ""
        tone = node.get("bg_color") or "text-bg-success"
        return el(
            "div",
            {"class": "ribbon ribbon-top-right"},
            el("span", {"class": tone}, esc(self.ctx.tr.term(node.get("title") or ""))),
        )

    def _tag_label(self, node: etree._Element) -> str:
        target = node.get("for") or ""
        text = node.get("string") or (
            self.ctx.tr.field_label(self.model, target) if target else (node.text or "")
        )
        return el(
            "label",
            {
                "class": cls("o_form_label", node.get("class")),
                "for": f"{target}_0" if target else None,
            },
            esc(self.ctx.tr.term(text)),
        )

    # Groups and notebooks -----------------------------------------------------------------

    def _tag_group(self, node: etree._Element) -> str:
        children = [n for n in node if isinstance(n.tag, str)]
        if any(child.tag == "group" for child in children):
            inner = []
            loose = [c for c in children if c.tag != "group"]
            if loose:
                inner.append(self._inner_group(node, loose, "col-lg-6"))
            groups = [
                c for c in children if c.tag == "group" and not is_hidden(self.ctx, c, self.values)
            ]
            width = "col-lg-6" if len(groups) + bool(loose) > 1 else "col-lg-12"
            inner += [self._inner_group(group, list(group), width) for group in groups]
            return el("div", {"class": "o_group row align-items-start"}, *inner)
        return el(
            "div",
            {"class": "o_group row align-items-start"},
            self._inner_group(node, children, "col-lg-6"),
        )

    def _inner_group(self, group: etree._Element, children: list, width: str) -> str:
        rows = []
        title = group.get("string")
        if title:
            rows.append(
                el(
                    "div",
                    {"class": "g-col-sm-2"},
                    el(
                        "div",
                        {
                            "class": "o_horizontal_separator mt-4 mb-3 text-uppercase "
                            "fw-bolder small"
                        },
                        esc(self.ctx.tr.term(title)),
                    ),
                )
            )
        for child in children:
            if not isinstance(child.tag, str) or is_hidden(self.ctx, child, self.values):
                continue
            if child.tag == "field" and child.get("nolabel") not in ("1", "True"):
                rows.append(self._labelled_field(child))
            else:
                rows.append(
                    el(
                        "div",
                        {"class": "o_wrap_field d-flex d-sm-contents flex-column mb-3 mb-sm-0"},
                        el("div", {"class": "o_cell g-col-sm-2"}, self._node(child)),
                    )
                )
        classes = cls("o_inner_group grid", width, group.get("class"))
        return el("div", {"class": classes, "name": group.get("name")}, *rows)

    def _labelled_field(self, node: etree._Element) -> str:
        name = node.get("name", "")
        info = field_info(self.ctx, self.model, name)
        label = self.ctx.tr.term(node.get("string")) or self.ctx.tr.field_label(self.model, name)
        tip = (
            el("sup", {"class": "text-info p-1", "data-tooltip": self.ctx.tr.term(info.help)}, "?")
            if info.help or self.ctx.debug
            else ""
        )
        return el(
            "div",
            {"class": "o_wrap_field d-flex d-sm-contents flex-column mb-3 mb-sm-0"},
            el(
                "div",
                {"class": "o_cell o_wrap_label flex-grow-1 flex-sm-grow-0 text-break text-900"},
                el("label", {"class": "o_form_label", "for": f"{name}_0"}, esc(label), tip),
            ),
            el(
                "div",
                {"class": "o_cell o_wrap_input flex-grow-1 flex-sm-grow-0 text-break"},
                self.render_field_node(node),
            ),
        )

    def _tag_notebook(self, node: etree._Element) -> str:
        pages = [p for p in node.findall("page") if not is_hidden(self.ctx, p, self.values)]
        tabs, panes = [], []
        for index, page in enumerate(pages):
            key = page.get("name") or f"page_{index}"
            tabs.append(
                el(
                    "li",
                    {"class": "nav-item flex-nowrap cursor-pointer"},
                    el(
                        "a",
                        {
                            "class": cls("nav-link", index == 0 and "active"),
                            "name": key,
                            "role": "tab",
                            "href": "#",
                            "data-page": key,
                        },
                        esc(self.ctx.tr.term(page.get("string") or "")),
                    ),
                )
            )
            content = self.render_children(page)
            if index == 0:
                panes.append(
                    el("div", {"class": "tab-pane active fade show", "data-page": key}, content)
                )
            else:
                panes.append(el("template", {"data-page": key}, content))
        return el(
            "div",
            {"class": "o_notebook d-flex w-100 horizontal flex-column"},
            el(
                "div",
                {"class": "o_notebook_headers"},
                el("ul", {"class": "nav nav-tabs flex-row flex-nowrap"}, *tabs),
            ),
            el("div", {"class": "o_notebook_content tab-content"}, *panes),
        )

    # Fields -------------------------------------------------------------------------------

    def render_field_node(self, node: etree._Element) -> str:
        """Return a ``<field>`` node's widget (an embedded list for x2many fields)."""
        name = node.get("name", "")
        info = field_info(self.ctx, self.model, name)
        if info.type in ("One2many", "Many2many") and self._x2many_arch(node, info) is not None:
            return self._x2many(node, info)
        readonly = self.readonly_form
        return render_field(self.ctx, FieldCall(self.model, self.record, node, "form", readonly))

    _tag_field = render_field_node

    def _x2many_arch(self, node: etree._Element, info: Any) -> etree._Element | None:
        for child in node:
            if isinstance(child.tag, str) and child.tag in ("list", "tree"):
                return child
        if info.type == "One2many" and info.comodel and self.ctx.db.registry.get(info.comodel):
            return self.ctx.db.bundle.views.primary(info.comodel, "list").arch
        return None

    def _x2many(self, node: etree._Element, info: Any) -> str:
        arch = self._x2many_arch(node, info)
        ids = record_value(self.ctx, self.model, self.record, node.get("name", "")) or []
        table = self.ctx.db.tables.get(info.comodel or "", {})
        rows = [table[i] for i in ids if i in table]
        list_html = render_list_table(self.ctx, info.comodel or "", arch, rows, embedded=True)
        return el(
            "div",
            {"class": "o_field_widget o_field_one2many", "name": node.get("name")},
            el("div", {"class": "o_list_view o_field_x2many o_field_x2many_list"}, list_html),
        )
